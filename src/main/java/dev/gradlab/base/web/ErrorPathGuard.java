package dev.gradlab.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /error} is where the server renders failures, not an address: asked for directly it answered 500 (an error
 * with no error). Requests for it (and anything under it) get a plain 404 instead. A plain servlet filter for request
 * dispatches only, so the server's own error dispatches still reach the error page; registered in
 * {@code dev.gradlab.GradlabBeans}.
 */
public class ErrorPathGuard extends HttpFilter {

    private static final byte[] BODY = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>Not found · GradLab</title></head><body><main><h1>Not found</h1>"
                    + "<p><a href=\"/\">GradLab</a></p></main></body></html>")
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/error") || path.startsWith("/error/") || path.startsWith("/error;")) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/html;charset=UTF-8");
            response.setContentLength(BODY.length);
            response.getOutputStream().write(BODY);
            return;
        }
        chain.doFilter(request, response);
    }
}
