-- GS1 Digital Link (/01/{gtin}) finds products by GTIN (docs/digital-link.md); their certificates by product use
-- ix_certificate_product.
CREATE INDEX ix_product_gtin ON product (gtin);
