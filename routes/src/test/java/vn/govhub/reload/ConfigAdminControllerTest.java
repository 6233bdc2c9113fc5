package vn.govhub.reload;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.govhub.api.ProblemJsonAdvice;
import vn.govhub.config.ProvinceRegistry;

import java.util.List;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /admin/config/reload} as a controller slice: an applied reload answers its hash and provinces; a refused
 * one is a 422 problem naming the file, the key and the reason, and saying the running configuration stays.
 */
@WebMvcTest(controllers = ConfigAdminController.class, useDefaultFilters = false, includeFilters = @ComponentScan.Filter(
        type = FilterType.ASSIGNABLE_TYPE, classes = {ConfigAdminController.class, ProblemJsonAdvice.class}))
@AutoConfigureMockMvc(addFilters = false)
class ConfigAdminControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ConfigReloader reloader;

    @MockitoBean
    ProvinceRegistry registry;

    @Test
    void anAppliedReloadAnswersTheNewHash() throws Exception {
        when(reloader.reloadEverywhere()).thenReturn(new ConfigReloader.Outcome(true, "ab12", List.of("tay-ninh"), null));
        mvc.perform(post("/admin/config/reload"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true))
                .andExpect(jsonPath("$.hash").value("ab12"))
                .andExpect(jsonPath("$.provinces[0]").value("tay-ninh"));
    }

    @Test
    void aRefusedReloadIsAProblemThatKeepsTheRunningConfiguration() throws Exception {
        String error = "Invalid configuration config/provinces/tay-ninh.yml: key 'news.sources[0].every' has a bad value 'often'";
        when(reloader.reloadEverywhere()).thenReturn(new ConfigReloader.Outcome(false, "ab12", List.of("tay-ninh"), error));
        mvc.perform(post("/admin/config/reload"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Invalid configuration"))
                .andExpect(jsonPath("$.detail").value(error + " (the running configuration stays)"));
    }
}
