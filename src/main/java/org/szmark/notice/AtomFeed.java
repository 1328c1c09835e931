package org.szmark.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.szmark.config.SzmarkConfig;

/** RFC 4287 Atom feed of notices, written with a streaming XML writer so every value is escaped. */
@ApplicationScoped
public class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Inject SzmarkConfig config;

    public String write(List<Notice> notices, String body, String standard) {
        String base = config.publicBaseUrl().replaceAll("/+$", "");
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            element(x, "id", "urn:szmark:notices" + (body == null ? "" : ":body:" + body) + (standard == null ? "" : ":standard:" + standard));
            element(x, "title", "深圳标准认证公告 Shenzhen Standard certification notices");
            element(x, "updated", time(notices.isEmpty() ? OffsetDateTime.now(ZoneOffset.UTC) : notices.get(0).publishedAt()));
            link(x, base + "/notices.atom", "self");
            link(x, base + "/notices", "alternate");
            x.writeStartElement("author");
            element(x, "name", "深圳标准认证标识登记系统 Shenzhen Standard mark registry");
            x.writeEndElement();
            for (Notice n : notices) {
                x.writeStartElement("entry");
                element(x, "id", "urn:szmark:notice:" + n.id());
                element(x, "title", title(n));
                element(x, "updated", time(n.publishedAt()));
                element(x, "published", time(n.effectiveAt()));
                link(x, base + n.link(), "alternate");
                x.writeStartElement("category");
                x.writeAttribute("term", n.kind().name());
                x.writeEndElement();
                element(x, "summary", summary(n));
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static String title(Notice n) {
        return switch (n.kind()) {
            case CERTIFICATE_SUSPENDED -> "证书暂停 Certificate suspended: " + n.certificateNumber();
            case CERTIFICATE_REVOKED -> "证书撤销 Certificate revoked: " + n.certificateNumber();
            case CERTIFICATE_CANCELLED -> "证书注销 Certificate cancelled: " + n.certificateNumber();
            case STANDARD_ABOLISHED -> "标准废止 Standard abolished: " + n.standardNumber();
        };
    }

    static String summary(Notice n) {
        if (n.kind() == Notice.Kind.STANDARD_ABOLISHED) {
            return n.standardNumber() + " " + n.standardTitleZh() + (n.reasonText() == null ? "" : " — " + n.reasonText());
        }
        // The names are the certificate's signed ones; a holder renamed since is said so, not silently shown.
        String renamed = n.registeredHolderName() == null ? "" : " [现登记名称 registered name now: " + n.registeredHolderName() + "]";
        return n.holderNameZh() + renamed + " (" + n.holderCreditCode() + "), " + n.productNameZh() + " " + n.model() + "; "
                + n.standardNumber() + "; " + n.bodyNameZh() + "; " + n.reasonCode()
                + (n.reasonText() == null ? "" : " — " + n.reasonText());
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        // XML 1.0 §2.2 forbids most control characters even when escaped; drop them.
        x.writeCharacters(text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", ""));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String href, String rel) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
    }

    private static String time(OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC).withNano(0));
    }
}
