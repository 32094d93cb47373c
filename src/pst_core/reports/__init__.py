"""Reports over many transactions: SLA compliance."""
