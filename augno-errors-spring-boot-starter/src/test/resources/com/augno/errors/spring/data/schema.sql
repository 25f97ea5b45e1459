CREATE TABLE ledger_accounts (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	email VARCHAR(200) NOT NULL,
	version INT NOT NULL,
	CONSTRAINT uq_ledger_accounts_email UNIQUE (email)
);
