package dev.gradlab.api;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any other path under {@code /api} answers 404 in JSON, not with the app's HTML page. */
@RestController
class UnknownApiPath {

    @RequestMapping("/api/**")
    ResponseEntity<Map<String, String>> unknown() {
        return ApiError.entity(HttpStatus.NOT_FOUND, "no such API path");
    }
}
