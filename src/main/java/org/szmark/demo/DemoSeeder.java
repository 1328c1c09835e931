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

    @Transactional
    void seed(@Observes @Priority(20) StartupEvent start) {
        if (!config.demo() || bodyRepository.count() > 0 || enterpriseRepository.count() > 0) {
            return;
        }
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
                    c.get("productEn").asText(), c.get("model").asText(), null, null));
        }
        LOG.info("Seeded the demo dataset (invented bodies, standards and enterprises); set SZMARK_DEMO=false to start empty");
    }

    private JsonNode load() {
        try (InputStream in = DemoSeeder.class.getClassLoader().getResourceAsStream("demo/demo-records.json")) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
