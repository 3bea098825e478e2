"""ESCO: occupations, occupation-skill relations, the skill hierarchy; ESCO columns on skills

ESCO skills and skill groups live in the existing skills table (id = the ESCO URI, source
'esco'); ISCO groups get their ESCO URI in occupations.esco_uri. New tables: esco_occupations
(each belongs to one ISCO-08 unit group), esco_occupation_skills (essential | optional) and
skill_broader_relations (every broader relation, of which skills.parent_id keeps the nearest
group for the engine).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # batch_alter_table: SQLite rebuilds the table where it cannot ALTER in place.
    with op.batch_alter_table("skills", schema=None) as batch_op:
        batch_op.add_column(sa.Column("skill_type", sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column("reuse_level", sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column("code", sa.String(length=30), nullable=True))

    op.create_table(
        "esco_occupations",
        sa.Column("uri", sa.String(length=255), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("alt_labels", sa.JSON(), nullable=False),
        sa.Column("isco_code", sa.String(length=4), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("version", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["isco_code"],
            ["occupations.code"],
            name=op.f("fk_esco_occupations_isco_code_occupations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("uri", name=op.f("pk_esco_occupations")),
    )
    with op.batch_alter_table("esco_occupations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_esco_occupations_isco_code"), ["isco_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_esco_occupations_label"), ["label"], unique=False)

    op.create_table(
        "esco_occupation_skills",
        sa.Column("occupation_uri", sa.String(length=255), nullable=False),
        sa.Column("skill_id", sa.String(length=255), nullable=False),
        sa.Column("relation", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skills.id"],
            name=op.f("fk_esco_occupation_skills_skill_id_skills"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "occupation_uri", "skill_id", name=op.f("pk_esco_occupation_skills")
        ),
    )
    with op.batch_alter_table("esco_occupation_skills", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_esco_occupation_skills_skill_id"), ["skill_id"], unique=False
        )

    op.create_table(
        "skill_broader_relations",
        sa.Column("skill_id", sa.String(length=255), nullable=False),
        sa.Column("broader_id", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skills.id"],
            name=op.f("fk_skill_broader_relations_skill_id_skills"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["broader_id"],
            ["skills.id"],
            name=op.f("fk_skill_broader_relations_broader_id_skills"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("skill_id", "broader_id", name=op.f("pk_skill_broader_relations")),
    )
    with op.batch_alter_table("skill_broader_relations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_skill_broader_relations_broader_id"), ["broader_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("skill_broader_relations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_skill_broader_relations_broader_id"))
    op.drop_table("skill_broader_relations")
    with op.batch_alter_table("esco_occupation_skills", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_esco_occupation_skills_skill_id"))
    op.drop_table("esco_occupation_skills")
    with op.batch_alter_table("esco_occupations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_esco_occupations_label"))
        batch_op.drop_index(batch_op.f("ix_esco_occupations_isco_code"))
    op.drop_table("esco_occupations")
    # Structural only: ESCO skills loaded into the skills table stay (vacancies and pools may
    # name them); they are plain skills without the ESCO columns.
    with op.batch_alter_table("skills", schema=None) as batch_op:
        batch_op.drop_column("code")
        batch_op.drop_column("reuse_level")
        batch_op.drop_column("skill_type")
