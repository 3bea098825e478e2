"""List sorting: indexes for the sorts of the pools, decisions and vacancies lists and the queue

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 17:20:00.000000
"""

from collections.abc import Sequence

from alembic import op


revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Pools: newest first (the API's order), by origin and region, by headcount.
    op.create_index('ix_pools_created', 'pools', ['created_at', 'id'])
    op.create_index('ix_pools_origin_region', 'pools', ['origin_country', 'region', 'id'])
    op.create_index('ix_pools_headcount', 'pools', ['headcount', 'id'])
    # Decisions: newest first (the API's order), and one kind newest first (the queue's states).
    op.create_index('ix_decisions_created', 'decisions', ['created_at', 'id'])
    op.create_index('ix_decisions_kind_created', 'decisions', ['decision', 'created_at', 'id'])
    # Vacancies: newest first (the API's order), by start date, status and destination.
    op.create_index('ix_vacancies_created', 'vacancies', ['created_at', 'id'])
    op.create_index('ix_vacancies_start', 'vacancies', ['start_date', 'id'])
    op.create_index('ix_vacancies_status_id', 'vacancies', ['status', 'id'])
    op.create_index('ix_vacancies_destination', 'vacancies', ['destination_country', 'id'])


def downgrade() -> None:
    op.drop_index('ix_vacancies_destination', table_name='vacancies')
    op.drop_index('ix_vacancies_status_id', table_name='vacancies')
    op.drop_index('ix_vacancies_start', table_name='vacancies')
    op.drop_index('ix_vacancies_created', table_name='vacancies')
    op.drop_index('ix_decisions_kind_created', table_name='decisions')
    op.drop_index('ix_decisions_created', table_name='decisions')
    op.drop_index('ix_pools_headcount', table_name='pools')
    op.drop_index('ix_pools_origin_region', table_name='pools')
    op.drop_index('ix_pools_created', table_name='pools')
