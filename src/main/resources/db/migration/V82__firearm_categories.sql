-- The classification licences and firearms use: by default the categories of EU Directive 2021/555, Annex I
-- (A with its points 1-9, B, C) and UNCLASSIFIED for firearms not yet classified. A State loads its own through
-- POST /api/v1/reference/firearm-categories (docs/licensing.md).
CREATE TABLE firearm_category (
    code        VARCHAR(20)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    description VARCHAR(1000),
    ordinal     INTEGER      NOT NULL
);

INSERT INTO firearm_category (code, name, description, ordinal) VALUES
    ('A', 'Category A: prohibited', 'Directive 2021/555 Annex I, category A (any of points 1-9)', 10),
    ('A1', 'A1: explosive military missiles and launchers', 'Annex I, A point 1', 11),
    ('A2', 'A2: automatic firearms', 'Annex I, A point 2', 12),
    ('A3', 'A3: firearms disguised as other objects', 'Annex I, A point 3', 13),
    ('A4', 'A4: ammunition with penetrating, explosive or incendiary projectiles', 'Annex I, A point 4', 14),
    ('A5', 'A5: pistol and revolver ammunition with expanding projectiles', 'Annex I, A point 5', 15),
    ('A6', 'A6: automatic firearms converted to semi-automatic', 'Annex I, A point 6', 16),
    ('A7', 'A7: semi-automatic centre-fire firearms with large-capacity magazines', 'Annex I, A point 7', 17),
    ('A8', 'A8: semi-automatic long firearms shortened below 60 cm', 'Annex I, A point 8', 18),
    ('A9', 'A9: category A firearms converted to fire blanks, irritants or salutes', 'Annex I, A point 9', 19),
    ('B', 'Category B: subject to authorisation', 'Annex I, category B', 20),
    ('C', 'Category C: subject to declaration', 'Annex I, category C', 30),
    ('UNCLASSIFIED', 'Not yet classified', 'Recorded before it was classified; no licence covers it', 99);
