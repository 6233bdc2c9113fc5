package vn.govhub.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.govhub.config.ProvinceProperties;
import vn.govhub.config.ProvinceRegistry;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The provinces resource as a controller slice (MVC and the problem+json advice only; who may call it is the access
 * matrix's business): enabled provinces only, and an unknown or disabled one is a 404 in the API's error shape.
 */
@WebMvcTest(controllers = ProvincesController.class, useDefaultFilters = false, includeFilters = @ComponentScan.Filter(
        type = FilterType.ASSIGNABLE_TYPE, classes = {ProvincesController.class, ProblemJsonAdvice.class}))
@AutoConfigureMockMvc(addFilters = false)
class ProvincesControllerTest {

    private static final ProvinceProperties TAY_NINH = province("tay-ninh", "Tây Ninh", true);
    private static final ProvinceProperties DONG_NAI = province("dong-nai", "Đồng Nai", false);

    private static ProvinceProperties province(String id, String name, boolean enabled) {
        return new ProvinceProperties(id, name, enabled, ZoneId.of("Asia/Ho_Chi_Minh"), new ProvinceProperties.Api(List.of()), Map.of());
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ProvinceRegistry provinces;

    @Test
    void listsTheEnabledProvinces() throws Exception {
        when(provinces.enabled()).thenReturn(List.of(TAY_NINH));
        mvc.perform(get("/api/v1/provinces"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value("tay-ninh"))
                .andExpect(jsonPath("$[0].name").value("Tây Ninh"));
    }

    @Test
    void aDisabledOrUnknownProvinceIsAProblemNotFound() throws Exception {
        when(provinces.find("dong-nai")).thenReturn(Optional.of(DONG_NAI));
        when(provinces.find("ha-noi")).thenReturn(Optional.empty());
        for (String id : List.of("dong-nai", "ha-noi")) {
            mvc.perform(get("/api/v1/provinces/" + id))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.status").value(404))
                    .andExpect(jsonPath("$.title").value("Not Found"))
                    .andExpect(jsonPath("$.detail").value("No province '" + id + "' is served here."))
                    .andExpect(jsonPath("$.instance").value("/api/v1/provinces/" + id));
        }
    }
}
