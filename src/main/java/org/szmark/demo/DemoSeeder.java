package org.szmark.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.jboss.logging.Logger;
import org.szmark.account.Actor;
import org.szmark.account.Role;
import org.szmark.body.BodyRepository;
import org.szmark.body.BodyService;
import org.szmark.body.BodyViews.BodyRequest;
import org.szmark.body.BodyViews.Contact;
import org.szmark.certificate.CertificateService;
import org.szmark.certificate.CertificateViews.IssueRequest;
import org.szmark.certificate.CertificateViews.ProductionSite;
import org.szmark.certificate.CertificateViews.StatusRequest;
import org.szmark.certificate.ReasonCode;
import org.szmark.certificate.StatusChange;
import org.szmark.config.SzmarkConfig;
import org.szmark.enterprise.EnterpriseRepository;
import org.szmark.enterprise.EnterpriseService;
import org.szmark.enterprise.EnterpriseViews.EnterpriseRequest;
import org.szmark.enterprise.EnterpriseViews.ProductRequest;
import org.szmark.standard.StandardNumber;
import org.szmark.standard.StandardService;
import org.szmark.standard.StandardViews.Evaluation;
import org.szmark.standard.StandardViews.SelfDeclaration;
import org.szmark.standard.StandardViews.StandardRequest;

/**
 * Seeds an empty embedded registry with the invented demo dataset ({@code demo/demo-records.json},
 * the project's shared demo fixture) through the same services the API uses. Off in production.
 */
@ApplicationScoped
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);
    /** The seeder acts with authority rights but is no account: id 0 marks it in logs. */
    private static final Actor SEEDER = new Actor(0, Role.AUTHORITY, null, null, "demo seeder");

    @Inject SzmarkConfig config;
    @Inject ObjectMapper json;
    @Inject BodyRepository bodyRepository;
    @Inject EnterpriseRepository enterpriseRepository;
    @Inject BodyService bodies;
    @Inject StandardService standards;
    @Inject EnterpriseService enterprises;
    @Inject CertificateService certificates;

    @Transactional
    void seed(@Observes @Priority(20) StartupEvent start) {
        if (!config.demo() || bodyRepository.count() > 0 || enterpriseRepository.count() > 0) {
            return;
        }
        seedDataset();
    }

    /** Writes the whole demo dataset; the caller makes sure none of it exists yet. */
    @Transactional
    public void seedDataset() {
        JsonNode demo = load();
        for (JsonNode b : demo.get("bodies")) {
            bodies.create(new BodyRequest(b.get("code").asText(), b.get("nameZh").asText(), b.get("nameEn").asText(),
                    b.get("approvalNo").asText(), new Contact(null, null, null)));
        }
        for (JsonNode s : demo.get("standards")) {
            String number = s.get("number").asText();
            int year = StandardNumber.parse(number).year();
            LocalDate published = LocalDate.of(year, 3, 1);
            standards.create(new StandardRequest(number, s.get("titleZh").asText(), s.get("titleEn").asText(),
                    "示例发布机构 Demo issuer", published, published.plusMonths(1), null,
                    new SelfDeclaration(published, "https://demo.szmark.invalid/declarations/" + year),
                    new Evaluation("示例目录项 Demo catalogue item", published.plusMonths(6))));
        }
        for (JsonNode e : demo.get("enterprises")) {
            enterprises.create(new EnterpriseRequest(e.get("uscc").asText(), e.get("nameZh").asText(),
                    e.get("nameEn").asText(), "深圳市南山区 (示例地址)", "Nanshan, Shenzhen (demo address)", false), SEEDER);
        }
        for (JsonNode c : demo.get("certificates")) {
            enterprises.addProduct(c.get("holder").asText(), new ProductRequest(c.get("productZh").asText(),
                    c.get("productEn").asText(), c.get("model").asText(), null, null), SEEDER);
        }
        seedCertificates(demo.get("certificates"));
        LOG.info("Seeded the demo dataset (invented bodies, standards and enterprises); set SZMARK_DEMO=false to start empty");
    }

    /**
     * Issues the demo certificates and replays their histories through the certificate service.
     * Dates move forward by whole years where needed so each certificate still ends in its
     * {@code expectStatus} today (only the EXPIRED one may lie wholly in the past).
     */
    private void seedCertificates(JsonNode certs) {
        java.util.Map<String, Actor> certifiers = new java.util.HashMap<>();
        LocalDate today = certificates.today();
        for (JsonNode c : certs) {
            String bodyCode = c.get("body").asText();
            Actor certifier = certifiers.computeIfAbsent(bodyCode, code -> {
                var issued = bodies.createCertifier(code, "Demo certifier of body " + code, "demo");
                var a = issued.account();
                return new Actor(a.id, Role.CERTIFIER, a.bodyId, null, a.name);
            });
            LocalDate issued = LocalDate.parse(c.get("issued").asText());
            LocalDate expires = LocalDate.parse(c.get("expires").asText());
            int shift = 0;
            if (!"EXPIRED".equals(c.get("expectStatus").asText())) {
                while (expires.plusYears(shift).isBefore(today.plusDays(1))) shift++;
            }
            var holder = enterpriseRepository.findByCreditCode(c.get("holder").asText()).orElseThrow();
            certificates.issue(new IssueRequest(c.get("number").asText(), holder.creditCode, c.get("model").asText(),
                    new ProductionSite(null, holder.addressZh), c.get("standard").asText(),
                    c.get("productZh").asText() + "的设计和生产 (demo)", "型式试验+初始工厂检查+获证后监督",
                    issued.plusYears(shift), expires.plusYears(shift), null, null), certifier);
            for (JsonNode h : c.get("history")) {
                LocalDate at = LocalDate.parse(h.get("at").asText()).plusYears(shift);
                if (at.isAfter(today)) at = today;
                StatusChange change = switch (h.get("to").asText()) {
                    case "SUSPENDED" -> StatusChange.SUSPENDED;
                    case "REVOKED" -> StatusChange.REVOKED;
                    case "CANCELLED" -> StatusChange.CANCELLED;
                    default -> StatusChange.REINSTATED;
                };
                certificates.changeStatus(c.get("number").asText(), change, new StatusRequest(
                        ReasonCode.valueOf(h.get("reason").asText()), "示例记录 demo record", null,
                        at.atStartOfDay().atOffset(java.time.ZoneOffset.UTC)), certifier);
            }
        }
    }

    private JsonNode load() {
        try (InputStream in = DemoSeeder.class.getClassLoader().getResourceAsStream("demo/demo-records.json")) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
