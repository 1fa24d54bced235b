#!/usr/bin/env python3
"""Lists the placeholder rules of every package (annotations starting with 【待管理员设定 PLACEHOLDER】)
as Markdown, for the README's "Placeholders to be set by administrators". Usage: tools/placeholders.py"""
import glob, re, xml.etree.ElementTree as ET

NS = {"d": "https://www.omg.org/spec/DMN/20191111/MODEL/"}
MARK = "【待管理员设定 PLACEHOLDER】"

def main():
    for path in sorted(glob.glob("dmn/*/*.dmn")):
        root = ET.parse(path).getroot()
        rows = []
        for decision in root.findall("d:decision", NS):
            for i, rule in enumerate(decision.iter("{%s}rule" % NS["d"])):
                desc = rule.find("d:description", NS)
                if desc is not None and desc.text and desc.text.startswith(MARK):
                    text = desc.text[len(MARK):]
                    what = text.split("——", 1)[1] if "——" in text else text
                    what = re.split(r"。", what)[0]
                    rows.append((decision.get("id"), i + 1, what.strip()))
        if rows:
            print(f"**{path.split('/')[1]}** ({len(rows)} rules)\n")
            print("| decision | rule | to be set |\n|---|---|---|")
            seen = set()
            for key, n, what in rows:
                print(f"| `{key}` | {n} | {what} |")
            print()

if __name__ == "__main__":
    main()
