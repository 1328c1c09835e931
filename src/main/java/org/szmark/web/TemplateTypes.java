package org.szmark.web;

import io.quarkus.qute.TemplateData;
import org.szmark.body.BodyViews;
import org.szmark.certificate.CertificateViews;
import org.szmark.common.PageView;
import org.szmark.standard.StandardViews;

/** API views that pages render directly; registered here so the views stay free of page concerns. */
@TemplateData(target = CertificateViews.CertificateView.class)
@TemplateData(target = CertificateViews.Party.class)
@TemplateData(target = CertificateViews.ProductView.class)
@TemplateData(target = CertificateViews.StandardRef.class)
@TemplateData(target = CertificateViews.StatusReason.class)
@TemplateData(target = PageView.class)
@TemplateData(target = StandardViews.StandardView.class)
@TemplateData(target = StandardViews.SelfDeclaration.class)
@TemplateData(target = StandardViews.Evaluation.class)
@TemplateData(target = BodyViews.BodyView.class)
@TemplateData(target = Lang.class)
@TemplateData(target = org.szmark.enterprise.Product.class)
public final class TemplateTypes {
    private TemplateTypes() {}
}
