-- A shipment party's telephone number and the payment reference it used (postage paid, a money transfer): personal
-- data beside name and address, off the ledger. Analytics compares them, normalised, to link shipments.
ALTER TABLE shipment_party ADD COLUMN phone VARCHAR(100);
ALTER TABLE shipment_party ADD COLUMN payment_reference VARCHAR(100);
