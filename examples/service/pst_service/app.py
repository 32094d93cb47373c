"""The HTTP routes of the reference service.

Run it from this folder with ``uvicorn --factory pst_service.app:create_app``.

==========================================  ==========================================
``POST /requests``                          open a request (``id`` or ``Idempotency-Key``)
``GET /requests/{id}?actor=officer``        the request: state, revision, next due, clocks,
                                            what that actor may do now
``POST /requests/{id}/events``              fire an event on the revision you saw
                                            (``Idempotency-Key`` header: a retry is safe)
``GET /overdue``                            requests whose ``next_due`` has passed
``POST /timers/run``                        fire the timers due now (a scheduler calls it)
``GET /reports/sla/{year}/{month}``         the monthly SLA report
``GET /``                                   the Indonesian page of open requests
==========================================  ==========================================

Errors are pst_core's (``PstError.to_data``) or the service's own, in the language
the requester accepts (``Accept-Language``: Indonesian or English).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Request
from fastapi import Path as PathParameter
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from pst_core.errors import (
    EventIdConflictError,
    EventOrderError,
    InvalidTransitionError,
    PstError,
    StaleTransactionError,
)
from pst_core.i18n import Language
from pst_core.states import Transaction
from pst_service.language import ServiceError, negotiate
from pst_service.page import open_requests_page
from pst_service.service import Service
from pst_service.settings import Settings
from pst_service.store import Listed

__all__ = ["create_app"]

Scalar = str | int | float | bool | None


class OpenBody(BaseModel):
    """A new request."""

    id: str | None = Field(
        default=None, description="Your request number (else the Idempotency-Key, else derived)."
    )
    actor: str = "user"
    data: dict[str, Scalar] = Field(default_factory=dict)


class EventBody(BaseModel):
    """An event on a request, as its user saw it."""

    event: str
    actor: str
    expected_revision: int = Field(description="The revision the request had when you read it.")
    data: dict[str, Scalar] = Field(default_factory=dict)


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def request_view(tx: Transaction, now: datetime, actor: str | None = None) -> dict[str, Any]:
    """What the service says about a request (and what ``actor`` may do with it now)."""
    moment = max(now, tx.last_at)
    clocks = tx.clocks(moment)
    return {
        "id": tx.id,
        "workflow": tx.workflow.name,
        "state": tx.state,
        "revision": tx.revision,
        "finished": tx.is_finished,
        "next_due": _iso(tx.next_due),
        "allowed_events": list(tx.allowed_events(at=moment, actor=actor)),
        "clocks": [
            {"name": c.name, "status": c.status, "due": _iso(c.due)} for c in clocks.values()
        ],
    }


def listed_view(row: Listed) -> dict[str, Any]:
    """A request in a list."""
    return {
        "id": row.id,
        "state": row.state,
        "revision": row.revision,
        "next_due": _iso(row.next_due),
    }


# pst_core's error kinds by the HTTP status they answer with (any other: 422).
_CONFLICTS = (StaleTransactionError, EventIdConflictError, InvalidTransitionError, EventOrderError)


def _language(request: Request) -> Language:
    return negotiate(request.headers.get("accept-language"))


def _pst_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, PstError)
    status = 409 if isinstance(exc, _CONFLICTS) else 422
    return JSONResponse(exc.to_data(_language(request)), status_code=status)


def _service_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ServiceError)
    return JSONResponse(exc.to_data(_language(request)), status_code=exc.status)


_INVALID_REQUEST: dict[Language, str] = {
    "id": "isi permintaan HTTP tidak sah",
    "en": "invalid HTTP request body or parameters",
}


def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    language = _language(request)
    data = {
        "code": "invalid_request",
        "message": _INVALID_REQUEST[language],
        "value": None,
        "details": [
            {"field": ".".join(str(p) for p in e["loc"]), "type": e["type"]} for e in exc.errors()
        ],
    }
    return JSONResponse(data, status_code=422)


def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


ServiceDep = Annotated[Service, Depends(_service)]


def create_app(settings: Settings | None = None) -> FastAPI:
    """The service's app, on ``settings`` (default: from the environment)."""
    app = FastAPI(title="Layanan PST (contoh)", version="1")
    service = Service(Settings.from_environment() if settings is None else settings)
    service.refresh()  # requests saved before the calendar file or the workflow changed
    app.state.service = service
    app.add_exception_handler(PstError, _pst_error)
    app.add_exception_handler(ServiceError, _service_error)
    app.add_exception_handler(RequestValidationError, _validation_error)

    @app.post("/requests", status_code=201)
    def open_request(
        body: OpenBody,
        service: ServiceDep,
        idempotency_key: Annotated[str | None, Header()] = None,
    ) -> dict[str, Any]:
        request_id = body.id if body.id is not None else idempotency_key
        tx = service.open(id=request_id, actor=body.actor, data=body.data)
        return request_view(tx, service.now())

    @app.get("/requests/{id}")
    def get_request(id: str, service: ServiceDep, actor: str | None = None) -> dict[str, Any]:
        return request_view(service.load(id), service.now(), actor)

    @app.post("/requests/{id}/events")
    def fire_event(
        id: str,
        body: EventBody,
        service: ServiceDep,
        idempotency_key: Annotated[str | None, Header()] = None,
    ) -> dict[str, Any]:
        tx = service.fire(
            id,
            event=body.event,
            actor=body.actor,
            data=body.data,
            expected_revision=body.expected_revision,
            event_id=idempotency_key,
        )
        return request_view(tx, service.now())

    @app.get("/overdue")
    def overdue(service: ServiceDep) -> dict[str, Any]:
        now = service.now()
        return {"now": now.isoformat(), "requests": [listed_view(r) for r in service.overdue(now)]}

    @app.post("/timers/run")
    def run_timers(service: ServiceDep) -> dict[str, Any]:
        fired = service.fire_due_timers()
        return {"fired": [{"id": id, "event": event} for id, event in fired]}

    @app.get("/reports/sla/{year}/{month}")
    def monthly_report(
        year: Annotated[int, PathParameter(ge=2000, le=2200)],
        month: Annotated[int, PathParameter(ge=1, le=12)],
        request: Request,
        service: ServiceDep,
    ) -> dict[str, Any]:
        language = _language(request)
        report = service.monthly_report(year, month)
        summary = report.summary()
        return {
            "year": year,
            "month": month,
            "summary": json.loads(summary.to_json(orient="records", date_format="iso")),
            "text": report.describe(language),
        }

    @app.get("/", response_class=HTMLResponse)
    def page(service: ServiceDep) -> HTMLResponse:
        return HTMLResponse(
            open_requests_page(
                service.calendar.name,
                service.unfinished(),
                workflow=service.workflow,
                zone=service.calendar.timezone,
                now=service.now(),
            )
        )

    return app
