"""survey uploads: deduplicate only stored uploads (accepted or partial), not rejected ones

A rejected upload is kept with its error report, and the same file may then be uploaded again
(e.g. with on_error=skip). The unique constraint on (organisation, checksum, mode) becomes a
partial unique index over the uploads that stored pools.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STORED = sa.text("status IN ('accepted', 'partial')")


def upgrade() -> None:
    # batch_alter_table: SQLite cannot drop a constraint in place and rebuilds the table.
    with op.batch_alter_table("survey_uploads", schema=None) as batch_op:
        batch_op.drop_constraint("uq_survey_uploads_organisation_id_checksum_mode", type_="unique")
    op.create_index(
        "uq_survey_uploads_stored_checksum",
        "survey_uploads",
        ["organisation_id", "checksum", "mode"],
        unique=True,
        sqlite_where=_STORED,
        postgresql_where=_STORED,
    )


def downgrade() -> None:
    op.drop_index("uq_survey_uploads_stored_checksum", table_name="survey_uploads")
    # Rejected uploads may repeat an accepted one's checksum; the old constraint cannot hold
    # them, so they go (their pools are none; only their reports are lost).
    op.execute(
        "DELETE FROM survey_uploads WHERE status = 'rejected' AND EXISTS ("
        "SELECT 1 FROM survey_uploads AS s2 WHERE s2.organisation_id = "
        "survey_uploads.organisation_id AND s2.checksum = survey_uploads.checksum AND "
        "s2.mode = survey_uploads.mode AND s2.id <> survey_uploads.id)"
    )
    with op.batch_alter_table("survey_uploads", schema=None) as batch_op:
        batch_op.create_unique_constraint(
            "uq_survey_uploads_organisation_id_checksum_mode",
            ["organisation_id", "checksum", "mode"],
        )
