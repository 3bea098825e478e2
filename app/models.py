"""Imports every ORM model so that Base.metadata is complete (Alembic, tests)."""

from app.allocation.models import AllocationAssignment, AllocationPlan
from app.audit.models import AuditEvent
from app.auth.models import ApiKey, Organisation, User, UserSession
from app.batch.models import BatchPair, BatchRun
from app.changes.models import ChangeBatch, ChangeHead
from app.db import Base
from app.decisions.models import Decision, Placement, PlacementMove
from app.idempotency.models import IdempotencyRecord
from app.matches.models import Match
from app.pathways.models import ExchangeRate, LegalPathway
from app.pools.models import Pool, PoolLanguage, PoolSkill, PoolVersion
from app.surveys.models import SurveyUpload
from app.taxonomy.models import (
    EscoOccupation,
    EscoOccupationSkill,
    Occupation,
    OccupationSkill,
    OccupationTitle,
    SafeguardCountry,
    Sector,
    Skill,
    SkillBroader,
)
from app.vacancies.models import Vacancy, VacancyLanguage, VacancySkill
from app.webhooks.models import (
    RankingMark,
    WebhookAttempt,
    WebhookCursor,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)

__all__ = [
    "AllocationAssignment",
    "AllocationPlan",
    "ApiKey",
    "AuditEvent",
    "Base",
    "BatchPair",
    "BatchRun",
    "ChangeBatch",
    "ChangeHead",
    "Decision",
    "EscoOccupation",
    "EscoOccupationSkill",
    "ExchangeRate",
    "IdempotencyRecord",
    "LegalPathway",
    "Match",
    "Occupation",
    "OccupationSkill",
    "OccupationTitle",
    "Organisation",
    "Placement",
    "PlacementMove",
    "Pool",
    "PoolLanguage",
    "PoolSkill",
    "PoolVersion",
    "RankingMark",
    "SafeguardCountry",
    "Sector",
    "Skill",
    "SkillBroader",
    "SurveyUpload",
    "User",
    "UserSession",
    "Vacancy",
    "VacancyLanguage",
    "VacancySkill",
    "WebhookAttempt",
    "WebhookCursor",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
]
