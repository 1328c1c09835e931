package org.szmark.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.szmark.body.CertificationBody;
import org.szmark.certificate.CertificateViews.RegisteredNow;
import org.szmark.crypto.CanonicalJson;
import org.szmark.enterprise.Enterprise;
import org.szmark.enterprise.Product;
import org.szmark.standard.Standard;

/** Reading the signed certificate record back, and saying where the registered data differs from it. */
class SignedCertificateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A record written by the registry's own writer, as issuance writes it. */
    static byte[] record(String holderNameEn, String trademark) {
        CertificationBody b = new CertificationBody();
        b.code = "B1";
        b.approvalNumber = "CNCA-R-2002-001";
        b.nameZh = "测试认证中心";
        b.nameEn = "Test Certification Centre";
        Enterprise h = new Enterprise();
        h.creditCode = "91440300MA5DRN7K1G";
        h.nameZh = "深圳市某某科技有限公司";
        h.nameEn = holderNameEn;
        h.addressZh = "深圳市南山区科技园 1 号";
        Product p = new Product();
        p.nameZh = "儿童智能手表";
        p.nameEn = "Kids watch";
        p.model = "ZW-K3";
        p.trademark = trademark;
        p.gtin = "6901234567892";
        Standard s = new Standard();
        s.number = "T/SZWD 004-2019";
        s.titleZh = "儿童智能手表";
        Certificate c = new Certificate();
        c.number = "SZBZ-B1-2026-00001";
        c.siteAddress = "深圳市宝安区福永街道 1 号";
        c.scope = "设计和生产";
        c.certificationMode = "型式试验";
        c.issueDate = LocalDate.of(2026, 1, 15);
        c.expiryDate = LocalDate.of(2029, 1, 14);
        c.firstIssueDate = c.issueDate;
        c.keyId = "3f9a0c1d2e4b5a67";
        c.signedAt = OffsetDateTime.of(2026, 1, 15, 8, 0, 0, 0, ZoneOffset.UTC);
        return SignedRecords.using(JSON).certificate(c, b, h, p, s, null);
    }

    @Test
    void readsWhatTheWriterWrote() {
        SignedCertificate r = SignedCertificate.parse(record("Example Tech Co.", "童表"));
        assertThat(r.number()).isEqualTo("SZBZ-B1-2026-00001");
        assertThat(r.issuer()).isEqualTo(new SignedCertificate.Issuer("B1", "CNCA-R-2002-001", "测试认证中心", "Test Certification Centre"));
        assertThat(r.holder()).isEqualTo(new SignedCertificate.Holder("91440300MA5DRN7K1G", "深圳市某某科技有限公司",
                "Example Tech Co.", "深圳市南山区科技园 1 号"));
        assertThat(r.product()).isEqualTo(new SignedCertificate.Product("儿童智能手表", "Kids watch", "ZW-K3", "童表", "6901234567892"));
        assertThat(r.standard()).isEqualTo(new SignedCertificate.Standard("T/SZWD 004-2019", "儿童智能手表"));
    }

    @Test
    void membersTheWriterLeftOutAreNull() {
        SignedCertificate r = SignedCertificate.parse(record(null, null));
        assertThat(r.holder().nameEn()).isNull();
        assertThat(r.product().trademark()).isNull();
    }

    @Test
    void refusesWhatIsNotACertificateRecord() throws Exception {
        assertThatThrownBy(() -> SignedCertificate.parse("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedCertificate.parse("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        ObjectNode event = (ObjectNode) JSON.readTree(record(null, null));
        event.put("type", SignedRecords.EVENT_TYPE);
        assertThatThrownBy(() -> SignedCertificate.parse(CanonicalJson.encode(event)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(SignedRecords.CERTIFICATE_TYPE);
        for (String member : new String[] {"holder", "product", "standard", "issuer"}) {
            ObjectNode r = (ObjectNode) JSON.readTree(record(null, null));
            r.remove(member);
            assertThatThrownBy(() -> SignedCertificate.parse(CanonicalJson.encode(r)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(member);
        }
        ObjectNode noName = (ObjectNode) JSON.readTree(record(null, null));
        ((ObjectNode) noName.get("holder")).remove("nameZh");
        assertThatThrownBy(() -> SignedCertificate.parse(CanonicalJson.encode(noName)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nameZh");
    }

    @Test
    void registeredNowIsAbsentWhenNothingDiffers() {
        SignedCertificate r = SignedCertificate.parse(record("Example Tech Co.", "童表"));
        SignedCertificate.Holder h = r.holder();
        assertThat(RegisteredNow.ofHolder(h, h.nameZh(), h.nameEn(), h.address())).isNull();
        // An empty registered value is no value, as the writer leaves empty ones out.
        SignedCertificate.Holder bare = SignedCertificate.parse(record(null, null)).holder();
        assertThat(RegisteredNow.ofHolder(bare, bare.nameZh(), "", bare.address())).isNull();
        SignedCertificate.Product p = r.product();
        assertThat(RegisteredNow.ofProduct(p, p.nameZh(), p.nameEn(), p.model(), p.trademark(), p.gtin())).isNull();
        assertThat(RegisteredNow.ofStandard(r.standard(), r.standard().titleZh())).isNull();
    }

    @Test
    void registeredNowCarriesOnlyWhatDiffersAndMarksRemovals() {
        SignedCertificate r = SignedCertificate.parse(record("Example Tech Co.", "童表"));
        SignedCertificate.Holder h = r.holder();
        RegisteredNow renamed = RegisteredNow.ofHolder(h, "深圳市新名称有限公司", h.nameEn(), h.address());
        assertThat(renamed).isEqualTo(new RegisteredNow("深圳市新名称有限公司", null, null, null, null, null, null));
        assertThat(RegisteredNow.now(h.nameZh(), renamed.nameZh())).isEqualTo("深圳市新名称有限公司");
        assertThat(RegisteredNow.now(h.nameEn(), renamed.nameEn())).isEqualTo("Example Tech Co.");

        RegisteredNow removed = RegisteredNow.ofHolder(h, h.nameZh(), null, "深圳市福田区 2 号");
        assertThat(removed.nameEn()).isEmpty();
        assertThat(removed.address()).isEqualTo("深圳市福田区 2 号");
        assertThat(RegisteredNow.now(h.nameEn(), removed.nameEn())).isNull();

        SignedCertificate.Holder bare = SignedCertificate.parse(record(null, null)).holder();
        assertThat(RegisteredNow.ofHolder(bare, bare.nameZh(), "Added Later Ltd", bare.address()).nameEn()).isEqualTo("Added Later Ltd");
        // Notices and webhooks show no address: a changed address alone is no difference there.
        assertThat(RegisteredNow.ofHolderName(h, h.nameZh(), h.nameEn())).isNull();

        assertThat(RegisteredNow.ofStandard(r.standard(), "儿童智能手表 第2版").titleZh()).isEqualTo("儿童智能手表 第2版");
        SignedCertificate.Product p = r.product();
        assertThat(RegisteredNow.ofProduct(p, p.nameZh(), p.nameEn(), p.model(), null, p.gtin()))
                .isEqualTo(new RegisteredNow(null, null, null, null, "", null, null));
    }
}
