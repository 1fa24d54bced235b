/*
 * The enterprise portal's scripts: plain functions over the server-rendered pages, calling the same /api that
 * integrators use (the page's session, with the CSRF token from the XSRF-TOKEN cookie on every change).
 * Problems come back as problem+json; each errors[].zh is shown next to the field errors[].field names.
 */
var Portal = (function () {
  'use strict';

  var BEIJING = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  var MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
  // The application's root, "/" or the servlet context path ("/incentives/"): this script is <root>assets/portal.js.
  var ROOT = new URL('..', document.currentScript.src).pathname;

  /** An address of the application ("/api/…") under its root. */
  function url(path) { return ROOT + path.replace(/^\//, ''); }

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  /** Calls the API with the page's session; answers {status, body}. */
  function api(method, path, body) {
    var headers = { 'Accept': 'application/json, application/problem+json', 'X-XSRF-TOKEN': csrfToken() };
    var init = { method: method, headers: headers, credentials: 'same-origin' };
    if (body !== undefined) {
      if (body instanceof FormData) {
        init.body = body;
      } else {
        headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
    }
    return fetch(url(path), init).then(function (response) {
      return response.text().then(function (text) {
        var parsed = null;
        try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = { detail: text }; }
        return { status: response.status, body: parsed };
      });
    }, function () {
      return { status: 0, body: { detail: '网络连接失败，请检查网络后重试' } };
    });
  }

  function beijing(iso) { return iso ? BEIJING.format(new Date(iso)).replace(/\//g, '-') : ''; }

  function money(value) {
    if (value === null || value === undefined || value === '') { return '—'; }
    return Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' 元';
  }

  /** Groups the integer part of a typed amount with commas, keeping what was typed after the point. */
  function groupDigits(text) {
    var clean = String(text).replace(/[,\s，]/g, '');
    if (!/^\d*(\.\d*)?$/.test(clean) || clean === '') { return text; }
    var parts = clean.split('.');
    var whole = parts[0].replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return parts.length > 1 ? whole + '.' + parts[1] : whole;
  }

  /** Moves the decimal point of a decimal string: +2 turns 0.05 into 5, -2 turns 5 into 0.05 (no floating point). */
  function shift(text, places) {
    var s = String(text).trim();
    var negative = s.charAt(0) === '-';
    if (negative || s.charAt(0) === '+') { s = s.slice(1); }
    var parts = s.split('.');
    var whole = parts[0] || '0';
    var fraction = parts[1] || '';
    if (places < 0) {
      var n = -places;
      whole = whole.padStart(n + 1, '0');
      fraction = whole.slice(whole.length - n) + fraction;
      whole = whole.slice(0, whole.length - n);
    } else {
      fraction = fraction.padEnd(places, '0');
      whole = whole + fraction.slice(0, places);
      fraction = fraction.slice(places);
    }
    whole = whole.replace(/^0+(?=\d)/, '');
    fraction = fraction.replace(/0+$/, '');
    var result = whole + (fraction ? '.' + fraction : '');
    return (negative && result !== '0' ? '-' : '') + result;
  }

  // ---- fields generated from the measure's facts ----

  function inputOf(field) { return $('input, select, textarea', field); }

  function setValue(field, value) {
    var input = inputOf(field);
    if (value === null || value === undefined || value === '') { return; }
    var kind = field.dataset.kind;
    if (kind === 'money') {
      input.value = groupDigits(String(value));
    } else if (kind === 'percent') {
      input.value = shift(String(value), 2);
    } else {
      input.value = String(value);
    }
  }

  function fillInitial(form) {
    $all('.field[data-kind]', form).forEach(function (field) {
      var input = inputOf(field);
      if (input.dataset.initial !== undefined && input.dataset.initial !== '') { setValue(field, input.dataset.initial); }
      if (field.dataset.kind === 'money') {
        // Grouped when the field is left; commas typed or shown are ignored when the amount is read.
        input.addEventListener('blur', function () { input.value = groupDigits(input.value); });
      }
    });
  }

  /** The facts as typed, converted for the API; client-side problems by field, in the API's form. */
  function readFacts(form) {
    var facts = {};
    var problems = [];
    var raw = {};
    $all('.field[data-kind]', form).forEach(function (field) {
      var input = inputOf(field);
      raw[field.dataset.name] = input.value;
    });
    $all('.field[data-kind]', form).forEach(function (field) {
      var name = field.dataset.name;
      var kind = field.dataset.kind;
      var text = String(inputOf(field).value || '').trim();
      var fieldName = 'facts.' + name;
      var required = field.dataset.required === 'true';
      if (!required && field.dataset.requiredWhen) {
        try {
          var when = JSON.parse(field.dataset.requiredWhen);
          required = Object.keys(when).every(function (k) { return raw[k] === when[k]; });
        } catch (e) { /* no condition */ }
      }
      if (text === '') {
        if (required) { problems.push({ field: fieldName, zh: '请填写此项' }); }
        return;
      }
      if (kind === 'money') {
        var amount = text.replace(/[,\s，]/g, '');
        if (!/^\d+(\.\d{1,2})?$/.test(amount)) {
          problems.push({ field: fieldName, zh: '请填写金额（元），最多两位小数，如 150,000.00' });
          return;
        }
        facts[name] = Number(amount);
      } else if (kind === 'count') {
        if (!/^\d+$/.test(text)) { problems.push({ field: fieldName, zh: '请填写不小于0的整数' }); return; }
        facts[name] = Number(text);
      } else if (kind === 'number' || kind === 'percent') {
        if (!/^[-+]?\d+(\.\d+)?$/.test(text)) { problems.push({ field: fieldName, zh: '请填写数字' }); return; }
        facts[name] = Number(kind === 'percent' ? shift(text, -2) : text);
      } else if (kind === 'boolean') {
        facts[name] = text === 'true';
      } else {
        facts[name] = text;
      }
    });
    return { facts: facts, problems: problems };
  }

  function clearErrors(form) {
    $all('.field-error', form).forEach(function (p) { p.textContent = ''; });
    $all('.field.invalid', form).forEach(function (f) { f.classList.remove('invalid'); });
    var general = $('#form-error', form);
    if (general) { general.hidden = true; general.textContent = ''; }
  }

  /** Shows each problem next to its field; problems without a field (or an unknown one) at the top of the form. */
  function showErrors(form, problem) {
    clearErrors(form);
    var errors = (problem && problem.errors) || [];
    var general = [];
    errors.forEach(function (e) {
      var target = e.field ? form.querySelector('[data-error-for="' + e.field + '"]') : null;
      if (target) {
        target.textContent = e.zh || e.en;
        var field = target.closest('.field');
        if (field) { field.classList.add('invalid'); }
      } else {
        general.push(e.zh || e.en);
      }
    });
    if (!errors.length && problem) { general.push(problem.detail || '提交失败，请稍后重试'); }
    var box = $('#form-error', form);
    if (box && general.length) {
      box.textContent = general.join('；');
      box.hidden = false;
    }
    var first = form.querySelector('.field.invalid input, .field.invalid select, .field.invalid textarea');
    if (first) { first.focus(); } else if (box && !box.hidden) { box.scrollIntoView({ block: 'center' }); }
  }

  function status(form, text) {
    var box = $('#form-status', form);
    if (box) { box.textContent = text; box.hidden = !text; }
  }

  function documentProblems(form) {
    var problems = [];
    $all('input[type=file][data-document-type]', form).forEach(function (input) {
      var type = input.dataset.documentType;
      var file = input.files && input.files[0];
      if (!file && input.dataset.required === 'true') {
        problems.push({ field: 'document.' + type, zh: '请上传：' + input.dataset.documentLabel });
      } else if (file && file.size > MAX_UPLOAD_BYTES) {
        problems.push({ field: 'document.' + type, zh: '文件超过 2MB，请压缩后上传' });
      }
    });
    return problems;
  }

  /** Uploads each chosen document; answers the problems (an attachments API not yet deployed is one of them). */
  function uploadDocuments(form, applicationId) {
    var inputs = $all('input[type=file][data-document-type]', form).filter(function (i) { return i.files && i.files[0]; });
    var messages = [];
    return inputs.reduce(function (chain, input) {
      return chain.then(function () {
        var data = new FormData();
        data.append('file', input.files[0]);
        data.append('documentType', input.dataset.documentType);
        return api('POST', '/api/applications/' + encodeURIComponent(applicationId) + '/attachments', data).then(function (r) {
          if (r.status === 404 || r.status === 405) {
            messages.push(input.dataset.documentLabel + '：附件上传功能尚未开通，请按县区工信部门要求提交纸质材料');
          } else if (r.status !== 201) {
            messages.push(input.dataset.documentLabel + '：上传失败（' + ((r.body && r.body.detail) || r.status) + '），请在申请详情页重新上传');
          }
        });
      });
    }, Promise.resolve()).then(function () { return messages; });
  }

  function flash(text) { try { sessionStorage.setItem('portal-flash', text); } catch (e) { /* private mode */ } }

  function showFlash() {
    var text = null;
    try { text = sessionStorage.getItem('portal-flash'); sessionStorage.removeItem('portal-flash'); } catch (e) { /* none */ }
    if (text) {
      var box = document.createElement('p');
      box.className = 'notice';
      box.setAttribute('role', 'status');
      box.id = 'flash';
      box.textContent = text;
      var main = $('main');
      main.insertBefore(box, main.children[1] || null);
    }
  }

  // ---- guided filing ----

  function renderEstimate(e) {
    var box = $('#estimate');
    box.hidden = false;
    var detail = $('#estimate-detail');
    var reasons = $('#estimate-reasons');
    detail.innerHTML = '';
    reasons.innerHTML = '';
    function line(list, text) { var li = document.createElement('li'); li.textContent = text; list.appendChild(li); }
    if (!e.eligible) {
      $('#estimate-amount').textContent = '按所填内容不符合条件';
      box.className = 'estimate bad';
      (e.reasons || []).forEach(function (r) { line(reasons, r.zh); });
    } else if (e.estimatedAward === null || e.estimatedAward === undefined) {
      $('#estimate-amount').textContent = '符合条件，金额由市工业和信息化局核定';
      box.className = 'estimate ok';
    } else {
      $('#estimate-amount').textContent = money(e.estimatedAward);
      box.className = 'estimate ok';
      if (e.tableAward !== null && e.tableAward !== undefined) { line(detail, '按政策标准测算：' + money(e.tableAward)); }
      if (e.capAmount !== null && e.capAmount !== undefined) {
        line(detail, '奖励上限：' + money(e.capAmount) + (Number(e.alreadyCounted) > 0 ? '，已计入本企业其他申请 ' + money(e.alreadyCounted) : ''));
      }
      if (e.roundingUnit) { line(detail, '按 ' + Number(e.roundingUnit).toLocaleString('en-US') + ' 元向下取整'); }
      if (e.expertReview) { line(detail, '需经专家评审，金额按评级确定'); }
    }
    $('#estimate-note').textContent = e.noteZh || '';
  }

  function initFiling() {
    var form = $('#filing-form');
    if (!form) { return; }
    var measure = form.dataset.measure;
    var creditCode = form.dataset.creditCode;
    fillInitial(form);
    var draft = null;
    try { draft = JSON.parse($('#draft-data').textContent); } catch (e) { draft = null; }
    if (draft) {
      Object.keys(draft.facts || {}).forEach(function (name) {
        var field = form.querySelector('.field[data-name="' + name + '"]');
        if (field) { setValue(field, draft.facts[name]); }
      });
      if (draft.projectId && $('#projectId')) { $('#projectId').value = draft.projectId; }
      status(form, '已载入 ' + draft.savedAt + ' 保存的草稿');
    }

    function projectId() { return $('#projectId') ? ($('#projectId').value || null) : null; }

    function estimate(silent) {
      var read = readFacts(form);
      if (read.problems.length) {
        if (!silent) { showErrors(form, { errors: read.problems }); }
        return Promise.resolve();
      }
      return api('POST', '/api/measures/' + encodeURIComponent(measure) + '/estimate',
        { creditCode: creditCode, projectId: projectId(), facts: read.facts }).then(function (r) {
        if (r.status === 200) {
          if (!silent) { clearErrors(form); }
          renderEstimate(r.body);
        } else if (!silent) {
          showErrors(form, r.body);
        }
      });
    }

    var timer = null;
    form.addEventListener('change', function (event) {
      if (event.target.type === 'file') { return; }
      clearTimeout(timer);
      timer = setTimeout(function () { estimate(true); }, 400);
    });
    $('#estimate-button').addEventListener('click', function () { estimate(false); });

    $('#save-draft').addEventListener('click', function () {
      var read = readFacts(form);
      api('PUT', '/api/drafts/' + encodeURIComponent(measure), { projectId: projectId(), facts: read.facts }).then(function (r) {
        if (r.status === 200) {
          status(form, '草稿已保存（' + beijing(r.body.savedAt) + '），可稍后在“政策匹配”页继续填写');
        } else {
          showErrors(form, r.body);
        }
      });
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var read = readFacts(form);
      var problems = read.problems.concat(documentProblems(form));
      if (form.dataset.projectBased === 'true' && !projectId()) {
        problems.push({ field: 'projectId', zh: '请选择本企业已登记的项目' });
      }
      if (problems.length) { showErrors(form, { errors: problems }); return; }
      var button = $('#submit-button');
      button.disabled = true;
      status(form, '正在提交……');
      api('POST', '/api/applications', { measureCode: measure, creditCode: creditCode, projectId: projectId(), facts: read.facts })
        .then(function (r) {
          if (r.status !== 201) {
            button.disabled = false;
            status(form, '');
            showErrors(form, r.body);
            return;
          }
          var id = r.body.id;
          return uploadDocuments(form, id).then(function (messages) {
            return api('DELETE', '/api/drafts/' + encodeURIComponent(measure)).then(function () {
              flash('申请已提交，申请编号 ' + id + '，正在自动审核。' + (messages.length ? messages.join('；') : ''));
              window.location.href = form.dataset.applicationsUrl + encodeURIComponent(id);
            });
          });
        });
    });
  }

  // ---- an application: attachments, and the amendment of a returned one ----

  function loadAttachments() {
    var section = $('#attachments');
    if (!section) { return; }
    var id = section.dataset.applicationId;
    var list = $('#attachment-list');
    api('GET', '/api/applications/' + encodeURIComponent(id) + '/attachments').then(function (r) {
      list.innerHTML = '';
      var items = Array.isArray(r.body) ? r.body : [];
      if (r.status !== 200) {
        list.innerHTML = '<li class="hint">附件功能尚未开通：证明材料请按县区工信部门要求提交。</li>';
        return;
      }
      if (!items.length) { list.innerHTML = '<li class="hint">尚未上传证明材料。</li>'; return; }
      items.forEach(function (a) {
        var li = document.createElement('li');
        var link = document.createElement('a');
        link.href = url('/api/applications/' + encodeURIComponent(id) + '/attachments/' + encodeURIComponent(a.id));
        link.textContent = a.fileName;
        li.appendChild(link);
        li.appendChild(document.createTextNode('（' + (a.documentType || '') + '，' + Math.ceil((a.sizeBytes || 0) / 1024)
          + ' KB，' + beijing(a.uploadedAt) + ' 上传）'));
        list.appendChild(li);
      });
    });
  }

  function formatFactValues() {
    $all('.fact-value[data-kind]').forEach(function (dd) {
      var v = dd.dataset.value;
      if (v === undefined || v === '') { return; }
      var kind = dd.dataset.kind;
      if (kind === 'money') { dd.textContent = money(v); }
      else if (kind === 'percent') { dd.textContent = shift(v, 2) + '%'; }
      else if (kind === 'boolean') { dd.textContent = v === 'true' ? '是' : '否'; }
    });
  }

  function initApplication() {
    showFlash();
    formatFactValues();
    loadAttachments();
    var form = $('#amend-form');
    if (!form) { return; }
    fillInitial(form);
    var original = readFacts(form).facts;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var read = readFacts(form);
      var problems = read.problems.concat(documentProblems(form).filter(function (p) { return p.zh.indexOf('2MB') >= 0; }));
      if (problems.length) { showErrors(form, { errors: problems }); return; }
      var changed = {};
      Object.keys(read.facts).forEach(function (k) {
        if (JSON.stringify(read.facts[k]) !== JSON.stringify(original[k])) { changed[k] = read.facts[k]; }
      });
      Object.keys(original).forEach(function (k) { if (!(k in read.facts)) { changed[k] = null; } });
      var id = form.dataset.applicationId;
      var button = $('#amend-button');
      button.disabled = true;
      status(form, '正在提交补正……');
      api('POST', '/api/applications/' + encodeURIComponent(id) + '/amendments', { facts: changed }).then(function (r) {
        if (r.status !== 200) {
          button.disabled = false;
          status(form, '');
          showErrors(form, r.body);
          return;
        }
        return uploadDocuments(form, id).then(function (messages) {
          flash('补正已提交，当前状态：' + r.body.statusZh + '。' + (messages.length ? messages.join('；') : ''));
          window.location.reload();
        });
      });
    });
  }

  // ---- notifications ----

  function initInbox() {
    var list = $('#inbox');
    api('GET', '/api/notifications').then(function (r) {
      if (r.status !== 200) { return; }
      var items = r.body.notifications || [];
      $('#inbox-empty').hidden = items.length > 0;
      var newest = 0;
      items.forEach(function (n) {
        newest = Math.max(newest, n.id);
        var li = document.createElement('li');
        li.className = n.read ? 'read' : 'unread';
        var time = document.createElement('time');
        time.textContent = beijing(n.at);
        var link = document.createElement('a');
        link.href = list.dataset.applicationsUrl + encodeURIComponent(n.applicationId);
        link.textContent = n.zh;
        li.appendChild(time);
        li.appendChild(link);
        list.appendChild(li);
      });
      if (r.body.unread > 0) {
        api('POST', '/api/notifications/read', { upToId: newest }).then(function (done) {
          var badge = $('.nav-notifications .badge');
          if (badge && done.status === 200) {
            if (done.body.unread > 0) { badge.textContent = done.body.unread; } else { badge.remove(); }
          }
        });
      }
    });
  }

  // ---- public notices: objections without a login ----

  function initNotices() {
    var section = $('#objection');
    var form = $('#objection-form');
    var current = null;
    $all('.object-button').forEach(function (button) {
      button.addEventListener('click', function () {
        current = button.dataset.id;
        $('#objection-title').textContent = button.dataset.title;
        section.hidden = false;
        form.hidden = false;
        $('#objection-receipt').hidden = true;
        clearErrors(form);
        section.scrollIntoView({ block: 'start' });
        $('#objector-name').focus();
      });
    });
    $('#objection-cancel').addEventListener('click', function () { section.hidden = true; });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = { name: $('#objector-name').value, phone: $('#objector-phone').value, reason: $('#objection-reason').value };
      var problems = [];
      if (!body.name.trim()) { problems.push({ field: 'name', zh: '请填写姓名' }); }
      if (!body.phone.trim()) { problems.push({ field: 'phone', zh: '请填写联系电话' }); }
      if (!body.reason.trim()) { problems.push({ field: 'reason', zh: '请填写异议理由' }); }
      if (problems.length) { showErrors(form, { errors: problems }); return; }
      $('#objection-submit').disabled = true;
      api('POST', '/api/public/notices/' + encodeURIComponent(current) + '/objections', body).then(function (r) {
        $('#objection-submit').disabled = false;
        if (r.status === 201) {
          clearErrors(form);
          form.reset();
          form.hidden = true;
          var receipt = $('#objection-receipt');
          receipt.textContent = r.body.messageZh;
          receipt.hidden = false;
        } else {
          showErrors(form, r.body);
        }
      });
    });
  }

  return { initFiling: initFiling, initApplication: initApplication, initInbox: initInbox, initNotices: initNotices,
    shift: shift, groupDigits: groupDigits };
}());
