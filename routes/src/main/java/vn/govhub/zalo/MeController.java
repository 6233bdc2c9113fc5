package vn.govhub.zalo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govhub.api.RequestBodies;

import java.io.IOException;

/** {@code /api/v1/me}: the signed-in citizen as the hub knows them, and the phone number consent. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "The signed-in citizen")
@SecurityRequirement(name = "zaloUser")
class MeController {

    private final ZaloMeApi me;
    private final ZaloIdentity identity;

    MeController(ZaloMeApi me, ZaloIdentity identity) {
        this.me = me;
        this.identity = identity;
    }

    @GetMapping
    @Operation(summary = "Who Zalo says the caller is, whether they follow the province's OA, whether a phone is known")
    ZaloMeApi.Me who(@RequestParam(required = false) String province) {
        return me.me(CitizenAuthentication.current());
    }

    @PostMapping("/phone")
    @Operation(summary = "Share the phone number: the code from zmp-sdk getPhoneNumber(), resolved by the hub with Zalo")
    ZaloMeApi.Me phone(HttpServletRequest request, @RequestParam(required = false) String province) throws IOException {
        byte[] body = RequestBodies.raw(request);
        ZaloMeApi.PhoneConsent consent = body.length == 0 ? null : RequestBodies.json(body, ZaloMeApi.PhoneConsent.class);
        return me.phone(CitizenAuthentication.current(), request.getHeader(identity.header()), consent);
    }
}
