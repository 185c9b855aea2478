"""Celery tasks of the DT Lab: thin, they receive ids and call the services."""

from celery import shared_task

from . import services


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def generate_playbook_document(document_id: int) -> None:
    """Lay out one playbook PDF in its language (idempotent: a redelivery writes it again)."""
    services.playbook_document_generate(document_id=document_id)
