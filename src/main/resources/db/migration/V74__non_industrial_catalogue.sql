-- The catalogue of non-industrial firearms: craft-made, 3D-printed, converted, reactivated, modular and
-- polymer-frame designs and families, each with how to recognise it. Seeded from reference/non-industrial.csv at
-- first start; a State extends it on the admin page or through the API (data, not code).
CREATE TABLE ref_non_industrial (
    code            VARCHAR(60)   NOT NULL PRIMARY KEY,
    kind            VARCHAR(30)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    characteristics VARCHAR(4000),
    recognition     VARCHAR(4000),
    markings        VARCHAR(4000),
    file_hashes     VARCHAR(4000),
    sources         VARCHAR(4000)
);
