package org.credo.credentials.templates;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Mustache as Credo lets organizations use it: escaped variables from a fixed list, sections over them, comments; no
 * unescaped output, partials, inheritance or delimiter changes. Values are plain strings in a map, so a template can
 * reach nothing else.
 */
final class MustacheTemplates {

    /** Tags for unescaped output, delimiter changes, partials and template inheritance: none is allowed. */
    private static final Pattern FORBIDDEN = Pattern.compile("\\{\\{\\s*([{&=><$])");

    private static final Pattern TAG = Pattern.compile("\\{\\{.*?\\}\\}", Pattern.DOTALL);

    private static final Pattern NETWORK_URL = Pattern.compile(
            "(?i)(?:\\bsrc\\s*=\\s*[\"']|url\\(\\s*[\"']?|@import\\s+[\"']?)\\s*(?!data:|\\{\\{)([a-z][a-z0-9+.-]*:|//)");

    private static final Mustache.TemplateLoader NO_PARTIALS = name -> {
        throw new MustacheException("Partials ({{>" + name + "}}) are not allowed.");
    };

    private static final Mustache.Compiler HTML = Mustache.compiler()
            .escapeHTML(true)
            .emptyStringIsFalse(true)
            .defaultValue("")
            .withLoader(NO_PARTIALS);

    private static final Mustache.Compiler PLAIN = HTML.escapeHTML(false);

    /** How a part of a template is checked and escaped. */
    enum Markup {
        /** Plain text: no escaping, no markup check. */
        NONE,
        /** An HTML fragment (an email body): escaped values, and well-formed like XHTML. */
        FRAGMENT,
        /** A whole XHTML document (the certificate): escaped values, well-formed, one {@code <html>} root, and no network resources. */
        DOCUMENT
    }

    private MustacheTemplates() {}

    static Template compile(String source, Markup markup) {
        return (markup == Markup.NONE ? PLAIN : HTML).compile(source);
    }

    /** The problems of one part of a template; empty when it may be saved. */
    static List<TemplateProblem> check(
            String field,
            String source,
            Markup markup,
            Set<String> allowed,
            Set<String> required,
            Map<String, String> sample) {
        var problems = new ArrayList<TemplateProblem>();
        var forbidden = FORBIDDEN.matcher(source);
        if (forbidden.find()) {
            problems.add(new TemplateProblem(
                    field,
                    "Line " + line(source, forbidden.start()) + ": {{" + forbidden.group(1)
                            + " is not allowed. Use {{name}}: values are always escaped, and partials or"
                            + " delimiter changes are not supported."));
            return problems;
        }
        Template template;
        try {
            template = compile(source, markup);
        } catch (MustacheException e) {
            problems.add(new TemplateProblem(field, "Template syntax: " + e.getMessage()));
            return problems;
        }
        var used = new LinkedHashSet<String>();
        var unknown = new LinkedHashSet<String>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {}

            @Override
            public void visitVariable(String name) {
                (allowed.contains(name) ? used : unknown).add(name);
            }

            @Override
            public boolean visitInclude(String name) {
                unknown.add(">" + name);
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                if (!allowed.contains(name)) {
                    unknown.add(name);
                }
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                return visitSection(name);
            }
        });
        for (var name : unknown) {
            problems.add(new TemplateProblem(
                    field,
                    "Line " + line(source, source.indexOf(name)) + ": unknown placeholder {{" + name
                            + "}}. Use one of the placeholders listed beside the form."));
        }
        for (var name : required) {
            if (!used.contains(name)) {
                problems.add(new TemplateProblem(field, "It must use {{" + name + "}}."));
            }
        }
        if (markup != Markup.NONE && problems.isEmpty()) {
            problems.addAll(markupProblems(field, source, markup, template, sample));
        }
        return problems;
    }

    private static List<TemplateProblem> markupProblems(
            String field, String source, Markup markup, Template template, Map<String, String> sample) {
        // The tags are blanked out with spaces, so lines and columns match what the author typed.
        var blanked = TAG.matcher(source).replaceAll(m -> m.group().replaceAll("[^\\n]", " "));
        var problem = wellFormed(field, blanked, markup, "");
        if (problem != null) {
            return List.of(problem);
        }
        if (markup == Markup.DOCUMENT) {
            var network = NETWORK_URL.matcher(source);
            if (network.find()) {
                return List.of(new TemplateProblem(
                        field,
                        "Line " + line(source, network.start()) + ": the certificate may only use images embedded as"
                                + " data: URIs (such as {{qrCode}}); Credo never fetches files from the network."));
            }
        }
        // Sections can still pair tags oddly; render with sample values and check the result too.
        var rendered = template.execute(sample);
        problem = wellFormed(field, rendered, markup, " (with sample values)");
        if (problem == null && markup == Markup.DOCUMENT) {
            problem = imageWithoutAltText(field, rendered);
        }
        return problem == null ? List.of() : List.of(problem);
    }

    /** The certificate is a tagged PDF (ADR 32): a screen reader reads each picture's alt text instead of it. */
    private static @Nullable TemplateProblem imageWithoutAltText(String field, String rendered) {
        var images =
                java.util.Objects.requireNonNull(parse(rendered).document()).getElementsByTagName("img");
        for (int i = 0; i < images.getLength(); i++) {
            var image = (Element) images.item(i);
            if (image.getAttribute("alt").isBlank()) {
                return new TemplateProblem(
                        field,
                        "Every <img> needs an alt text that says what it shows, such as alt=\"QR code that opens"
                                + " {{verificationUrl}}\": screen readers read it out in place of the picture.");
            }
        }
        return null;
    }

    private static @Nullable TemplateProblem wellFormed(String field, String xml, Markup markup, String note) {
        var prefix = markup == Markup.FRAGMENT ? "<body>" : "";
        var parsed = parse(prefix + xml + (markup == Markup.FRAGMENT ? "</body>" : ""));
        if (parsed.error() != null) {
            var e = parsed.error();
            int column =
                    e.getLineNumber() == 1 ? Math.max(1, e.getColumnNumber() - prefix.length()) : e.getColumnNumber();
            return new TemplateProblem(
                    field,
                    "Broken markup at line " + e.getLineNumber() + ", column " + column + note + ": " + e.getMessage()
                            + hint(e.getMessage()));
        }
        if (markup == Markup.DOCUMENT) {
            Element root = java.util.Objects.requireNonNull(parsed.document()).getDocumentElement();
            if (!"html".equals(root.getTagName())) {
                return new TemplateProblem(
                        field,
                        "The certificate must be one <html> document; it starts with <" + root.getTagName() + ">.");
            }
        }
        return null;
    }

    private static String hint(String message) {
        return message.contains("was referenced, but not declared")
                ? " Named HTML entities such as &nbsp; are not XML: write the character itself or a numeric reference such as &#160;."
                : "";
    }

    private record Parsed(
            @Nullable Document document, @Nullable SAXParseException error) {}

    private static Parsed parse(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return new Parsed(builder.parse(new InputSource(new StringReader(xml))), null);
        } catch (SAXParseException e) {
            return new Parsed(null, e);
        } catch (SAXException | java.io.IOException | ParserConfigurationException e) {
            return new Parsed(null, new SAXParseException(e.getMessage(), null, null, 1, 1));
        }
    }

    private static int line(String source, int index) {
        if (index < 0) {
            return 1;
        }
        int line = 1;
        for (int i = 0; i < index && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
