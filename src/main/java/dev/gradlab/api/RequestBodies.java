package dev.gradlab.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/** Reads a scenario text body of at most {@code limit} bytes, refusing larger ones before reading them whole. */
final class RequestBodies {

    private RequestBodies() {}

    static String text(HttpServletRequest request, int limit) {
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            if (bytes.length == 0) {
                throw new ApiError(HttpStatus.BAD_REQUEST, "the request body is empty: send the scenario's YAML");
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST, "the request body is not UTF-8 text");
        } catch (IOException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST, "the request body could not be read");
        }
    }

    private static ApiError tooLarge(int limit) {
        return new ApiError(
                HttpStatus.PAYLOAD_TOO_LARGE, "the request body is larger than " + limit / (1024 * 1024) + " MB");
    }
}
