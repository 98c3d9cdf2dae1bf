package dev.wirewatch.desk.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * Renders the desk's JTE templates, compiled to classes at build time (no template compiler at run time).
 *
 * <p>Thread safe.
 */
final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    void render(Context ctx, String template, Object page) {
        StringOutput out = new StringOutput();
        engine.render(template, page, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }
}
