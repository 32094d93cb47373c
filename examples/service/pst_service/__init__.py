"""A reference PST service on pst_core: FastAPI + SQLAlchemy, one table of transactions.

* `pst_service.settings` — where the database and the office's calendar file are;
* `pst_service.store` — the table: each request's saved record, its revision and
  its ``next_due`` (indexed), written with compare-and-set on the revision;
* `pst_service.service` — what the desk does with pst_core: open a request, fire an
  event, list what is overdue, the monthly SLA report;
* `pst_service.language` and `pst_service.page` — errors in the requester's language
  and the Indonesian page of open requests;
* `pst_service.app` — the HTTP routes (`create_app`).
"""
