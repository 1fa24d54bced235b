package cn.liuzhou.incentives.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The published description of /api: what an integrator reads before connecting. */
@Configuration
class OpenApiConfiguration {

  @Bean
  OpenAPI incentivesApi() {
    return new OpenAPI()
        .info(new Info().title("柳州市工业稳增长政策奖补申报与审批系统 API")
            .description("Incentive applications, amendments, objections, attachments, the enterprise registry and policy "
                + "packages. Errors are RFC 9457 problem+json: `detail` in Chinese, `detailEn` in English, `errors[]` naming each field; "
                + "amounts are decimal yuan. 申报、补正、异议、附件、企业库与政策包接口；错误为 problem+json，中英文说明。")
            .version("1"))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
