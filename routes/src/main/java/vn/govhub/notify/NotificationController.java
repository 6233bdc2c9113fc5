package vn.govhub.notify;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govhub.zalo.CitizenAuthentication;

import java.util.List;

/** {@code /api/v1/notifications}: what the hub sent the signed-in citizen through Zalo. */
@RestController
@Tag(name = "Notifications", description = "What the hub sent the citizen through Zalo")
@SecurityRequirement(name = "zaloUser")
class NotificationController {

    private final NotificationApi notifications;

    NotificationController(NotificationApi notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "Newest first: kind, channel (OA or ZNS), status (pending, sent, delivered, failed)")
    List<NotificationApi.NotificationView> mine(@RequestParam(required = false) String province,
                                                @Parameter(description = "1 to 100 (20)") @RequestParam(required = false) String limit) {
        return notifications.mine(CitizenAuthentication.current(), limit);
    }
}
