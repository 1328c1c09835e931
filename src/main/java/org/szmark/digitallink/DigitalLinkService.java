package org.szmark.digitallink;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.CertificateViewer;
import org.szmark.certificate.CertificateViews.CertificateView;
import org.szmark.enterprise.Product;

/**
 * Which certificates a GTIN leads to: those of every registered product with that GTIN (in any of its spellings)
 * that no renewal has replaced, newest first. A renewed certificate's successor stands in its place, so a retailer's
 * code always reaches the certificate in force.
 */
@ApplicationScoped
public class DigitalLinkService {

    /** More than any product has; bounds the answer if a GTIN were registered for very many products. */
    static final int MAX_CERTIFICATES = 50;

    @Inject EntityManager em;
    @Inject CertificateViewer viewer;

    public record Resolved(List<Product> products, List<CertificateView> certificates) {}

    @Transactional
    public Resolved resolve(DigitalLinkPath path) {
        List<Product> products = em.createQuery("select p from Product p where p.gtin in :forms order by p.id", Product.class)
                .setParameter("forms", path.registeredForms()).setMaxResults(MAX_CERTIFICATES).getResultList();
        if (products.isEmpty()) return new Resolved(List.of(), List.of());
        List<Certificate> certs = em.createQuery("select c from Certificate c where c.productId in :ids and c.successorId is null"
                        + " order by c.issueDate desc, c.id desc", Certificate.class)
                .setParameter("ids", products.stream().map(p -> p.id).toList()).setMaxResults(MAX_CERTIFICATES).getResultList();
        return new Resolved(products, certs.stream().map(c -> viewer.view(c, false)).toList());
    }
}
