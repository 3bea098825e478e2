from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.explanation_out import ExplanationOut
    from ..models.match_out_components import MatchOutComponents
    from ..models.pool_summary import PoolSummary
    from ..models.reason import Reason
    from ..models.vacancy_summary import VacancySummary


T = TypeVar("T", bound="MatchOut")


@_attrs_define
class MatchOut:
    """A ranked (vacancy, pool) pair: its score, components, legal verdict and explanation.

    Attributes:
        components (MatchOutComponents): component name -> its score (0-1), for the components present (see
            explanation.components for weights and evidence)
        computed_at (datetime.datetime): when the pair was scored (the market's state for a ranking; the decision's time
            for a pair read from history)
        eligible (bool): true when at least one legal pathway admits the pair
        eligible_headcount (int): pool members estimated to meet the hard requirements (0: ineligible)
        engine_version (str): version of the scoring engine that scored the pair
        explanation (ExplanationOut): Why the pair scored what it did, component by component, and why it is eligible or
            not.
        id (UUID): the match's id, fixed by the pair (GET /api/v1/matches/{match_id}; decisions are taken on it)
        pathway (None | str): code of the admitting pathway (ineligible: the closest one; null: none)
        pool_id (UUID): the pool of the pair
        reasons (list[Reason]): why the pair is ineligible (empty when eligible)
        score (float): weighted mean of the component scores, 0 to 1
        vacancy_id (UUID): the vacancy of the pair
        weights_hash (str): hash of the component weights used
        pool (None | PoolSummary | Unset): the pool (in a vacancy's list and in a single match; null in a pool's list)
        rank (int | None | Unset): 1-based position in the list it was read from (offset + index + 1); null when read
            alone
        vacancy (None | Unset | VacancySummary): the vacancy (in a pool's list and in a single match; null in a
            vacancy's list)
    """

    components: MatchOutComponents
    computed_at: datetime.datetime
    eligible: bool
    eligible_headcount: int
    engine_version: str
    explanation: ExplanationOut
    id: UUID
    pathway: None | str
    pool_id: UUID
    reasons: list[Reason]
    score: float
    vacancy_id: UUID
    weights_hash: str
    pool: None | PoolSummary | Unset = UNSET
    rank: int | None | Unset = UNSET
    vacancy: None | Unset | VacancySummary = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.pool_summary import PoolSummary  # noqa: PLC0415
        from ..models.vacancy_summary import VacancySummary  # noqa: PLC0415

        components = self.components.to_dict()

        computed_at = self.computed_at.isoformat()

        eligible = self.eligible

        eligible_headcount = self.eligible_headcount

        engine_version = self.engine_version

        explanation = self.explanation.to_dict()

        id = str(self.id)

        pathway: None | str
        pathway = self.pathway

        pool_id = str(self.pool_id)

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        score = self.score

        vacancy_id = str(self.vacancy_id)

        weights_hash = self.weights_hash

        pool: dict[str, Any] | None | Unset
        if isinstance(self.pool, Unset):
            pool = UNSET
        elif isinstance(self.pool, PoolSummary):
            pool = self.pool.to_dict()
        else:
            pool = self.pool

        rank: int | None | Unset
        if isinstance(self.rank, Unset):
            rank = UNSET
        else:
            rank = self.rank

        vacancy: dict[str, Any] | None | Unset
        if isinstance(self.vacancy, Unset):
            vacancy = UNSET
        elif isinstance(self.vacancy, VacancySummary):
            vacancy = self.vacancy.to_dict()
        else:
            vacancy = self.vacancy

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "components": components,
                "computed_at": computed_at,
                "eligible": eligible,
                "eligible_headcount": eligible_headcount,
                "engine_version": engine_version,
                "explanation": explanation,
                "id": id,
                "pathway": pathway,
                "pool_id": pool_id,
                "reasons": reasons,
                "score": score,
                "vacancy_id": vacancy_id,
                "weights_hash": weights_hash,
            }
        )
        if pool is not UNSET:
            field_dict["pool"] = pool
        if rank is not UNSET:
            field_dict["rank"] = rank
        if vacancy is not UNSET:
            field_dict["vacancy"] = vacancy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.explanation_out import ExplanationOut  # noqa: PLC0415
        from ..models.match_out_components import MatchOutComponents  # noqa: PLC0415
        from ..models.pool_summary import PoolSummary  # noqa: PLC0415
        from ..models.reason import Reason  # noqa: PLC0415
        from ..models.vacancy_summary import VacancySummary  # noqa: PLC0415

        d = dict(src_dict)
        components = MatchOutComponents.from_dict(d.pop("components"))

        computed_at = datetime.datetime.fromisoformat(d.pop("computed_at"))

        eligible = d.pop("eligible")

        eligible_headcount = d.pop("eligible_headcount")

        engine_version = d.pop("engine_version")

        explanation = ExplanationOut.from_dict(d.pop("explanation"))

        id = UUID(d.pop("id"))

        def _parse_pathway(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pathway = _parse_pathway(d.pop("pathway"))

        pool_id = UUID(d.pop("pool_id"))

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = Reason.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        score = d.pop("score")

        vacancy_id = UUID(d.pop("vacancy_id"))

        weights_hash = d.pop("weights_hash")

        def _parse_pool(data: object) -> None | PoolSummary | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pool_type_0 = PoolSummary.from_dict(data)

                return pool_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PoolSummary | Unset, data)

        pool = _parse_pool(d.pop("pool", UNSET))

        def _parse_rank(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rank = _parse_rank(d.pop("rank", UNSET))

        def _parse_vacancy(data: object) -> None | Unset | VacancySummary:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                vacancy_type_0 = VacancySummary.from_dict(data)

                return vacancy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VacancySummary, data)

        vacancy = _parse_vacancy(d.pop("vacancy", UNSET))

        match_out = cls(
            components=components,
            computed_at=computed_at,
            eligible=eligible,
            eligible_headcount=eligible_headcount,
            engine_version=engine_version,
            explanation=explanation,
            id=id,
            pathway=pathway,
            pool_id=pool_id,
            reasons=reasons,
            score=score,
            vacancy_id=vacancy_id,
            weights_hash=weights_hash,
            pool=pool,
            rank=rank,
            vacancy=vacancy,
        )

        match_out.additional_properties = d
        return match_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
