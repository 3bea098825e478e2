"""Contains all the data models used in inputs/outputs"""

from .api_key_created import ApiKeyCreated
from .api_key_in import ApiKeyIn
from .api_key_out import ApiKeyOut
from .assignment_out import AssignmentOut
from .attempt_out import AttemptOut
from .audit_event_out import AuditEventOut
from .audit_event_out_after_type_0 import AuditEventOutAfterType0
from .audit_event_out_before_type_0 import AuditEventOutBeforeType0
from .balance_row_out import BalanceRowOut
from .batch_inputs_out import BatchInputsOut
from .batch_progress_out import BatchProgressOut
from .batch_run_out import BatchRunOut
from .batch_run_out_output import BatchRunOutOutput
from .batch_run_out_status import BatchRunOutStatus
from .batch_scope_out import BatchScopeOut
from .bulk_item_result import BulkItemResult
from .bulk_item_result_status import BulkItemResultStatus
from .bulk_move_in import BulkMoveIn
from .bulk_moves_in import BulkMovesIn
from .bulk_moves_out import BulkMovesOut
from .bulk_result import BulkResult
from .check_name import CheckName
from .component_name import ComponentName
from .component_out import ComponentOut
from .component_out_evidence import ComponentOutEvidence
from .contract import Contract
from .contract_type import ContractType
from .country_out import CountryOut
from .create_upload_body import CreateUploadBody
from .create_upload_body_mode import CreateUploadBodyMode
from .create_upload_body_on_error import CreateUploadBodyOnError
from .create_upload_mode import CreateUploadMode
from .create_upload_on_error import CreateUploadOnError
from .dataset_page_out import DatasetPageOut
from .dataset_row_out import DatasetRowOut
from .dataset_row_out_decision import DatasetRowOutDecision
from .decision_in import DecisionIn
from .decision_kind import DecisionKind
from .decision_out import DecisionOut
from .decision_page import DecisionPage
from .decision_recorded_data import DecisionRecordedData
from .decision_recorded_event import DecisionRecordedEvent
from .delivery_detail import DeliveryDetail
from .delivery_detail_body import DeliveryDetailBody
from .delivery_out import DeliveryOut
from .delivery_status import DeliveryStatus
from .eligibility_out import EligibilityOut
from .endpoint_created import EndpointCreated
from .endpoint_in import EndpointIn
from .endpoint_out import EndpointOut
from .endpoint_update import EndpointUpdate
from .esco_occupation_out import EscoOccupationOut
from .esco_occupation_ref import EscoOccupationRef
from .esco_occupation_skill_out import EscoOccupationSkillOut
from .esco_occupation_skill_out_relation import EscoOccupationSkillOutRelation
from .event_type import EventType
from .exchange_rate_in import ExchangeRateIn
from .exchange_rate_out import ExchangeRateOut
from .explanation_out import ExplanationOut
from .export_allocation_plans_status_type_0 import ExportAllocationPlansStatusType0
from .export_decisions_sort_type_0 import ExportDecisionsSortType0
from .export_placements_status_type_0 import ExportPlacementsStatusType0
from .export_pools_sort_type_0 import ExportPoolsSortType0
from .export_pools_status_type_0 import ExportPoolsStatusType0
from .export_vacancies_sort_type_0 import ExportVacanciesSortType0
from .export_vacancies_status_type_0 import ExportVacanciesStatusType0
from .field_error_out import FieldErrorOut
from .greedy_summary import GreedySummary
from .group_by import GroupBy
from .headcount_factor_out import HeadcountFactorOut
from .headcount_kind import HeadcountKind
from .health_out import HealthOut
from .importance import Importance
from .language_out import LanguageOut
from .language_requirement_in import LanguageRequirementIn
from .language_requirement_in_min_level import LanguageRequirementInMinLevel
from .level import Level
from .levels_out import LevelsOut
from .list_allocation_plans_status_type_0 import ListAllocationPlansStatusType0
from .list_batch_runs_status_type_0 import ListBatchRunsStatusType0
from .list_decisions_sort_type_0 import ListDecisionsSortType0
from .list_placements_status_type_0 import ListPlacementsStatusType0
from .list_pools_sort_type_0 import ListPoolsSortType0
from .list_pools_status_type_0 import ListPoolsStatusType0
from .list_sectors_level_type_0 import ListSectorsLevelType0
from .list_vacancies_sort_type_0 import ListVacanciesSortType0
from .list_vacancies_status_type_0 import ListVacanciesStatusType0
from .match_out import MatchOut
from .match_out_components import MatchOutComponents
from .match_page import MatchPage
from .me_out import MeOut
from .measure import Measure
from .move_in import MoveIn
from .move_out import MoveOut
from .occupation_coding import OccupationCoding
from .occupation_out import OccupationOut
from .occupation_ref import OccupationRef
from .occupation_suggestion import OccupationSuggestion
from .occupation_suggestions import OccupationSuggestions
from .organisation_in import OrganisationIn
from .organisation_kind import OrganisationKind
from .organisation_out import OrganisationOut
from .origins_in import OriginsIn
from .origins_out import OriginsOut
from .outcome_by import OutcomeBy
from .outcome_out import OutcomeOut
from .outcomes_out import OutcomesOut
from .outlier_out import OutlierOut
from .outlier_rule import OutlierRule
from .page_api_key_out import PageApiKeyOut
from .page_audit_event_out import PageAuditEventOut
from .page_batch_run_out import PageBatchRunOut
from .page_delivery_out import PageDeliveryOut
from .page_endpoint_out import PageEndpointOut
from .page_esco_occupation_ref import PageEscoOccupationRef
from .page_exchange_rate_out import PageExchangeRateOut
from .page_occupation_ref import PageOccupationRef
from .page_organisation_out import PageOrganisationOut
from .page_pathway_out import PagePathwayOut
from .page_placement_out import PagePlacementOut
from .page_plan_summary_out import PagePlanSummaryOut
from .page_pool_out import PagePoolOut
from .page_pool_version_out import PagePoolVersionOut
from .page_sector_ref import PageSectorRef
from .page_skill_out import PageSkillOut
from .page_upload_summary import PageUploadSummary
from .page_user_out import PageUserOut
from .page_vacancy_out import PageVacancyOut
from .pair_scope_out import PairScopeOut
from .pair_source_out import PairSourceOut
from .password_in import PasswordIn
from .pathway_in import PathwayIn
from .pathway_kind import PathwayKind
from .pathway_out import PathwayOut
from .pathway_patch import PathwayPatch
from .ping_data import PingData
from .ping_event import PingEvent
from .placement_moved_data import PlacementMovedData
from .placement_moved_data_stages import PlacementMovedDataStages
from .placement_moved_event import PlacementMovedEvent
from .placement_out import PlacementOut
from .placement_out_stages import PlacementOutStages
from .placement_stage import PlacementStage
from .placement_status import PlacementStatus
from .plan_in import PlanIn
from .plan_out import PlanOut
from .plan_out_scope import PlanOutScope
from .plan_out_solver_status import PlanOutSolverStatus
from .plan_out_source_type_0 import PlanOutSourceType0
from .plan_out_status import PlanOutStatus
from .plan_scope import PlanScope
from .plan_summary_out import PlanSummaryOut
from .plan_summary_out_scope import PlanSummaryOutScope
from .plan_summary_out_solver_status import PlanSummaryOutSolverStatus
from .plan_summary_out_status import PlanSummaryOutStatus
from .pool_in import PoolIn
from .pool_language_in import PoolLanguageIn
from .pool_language_in_level import PoolLanguageInLevel
from .pool_out import PoolOut
from .pool_out_status import PoolOutStatus
from .pool_outcome_out import PoolOutcomeOut
from .pool_outcome_out_outcome import PoolOutcomeOutOutcome
from .pool_skill_in import PoolSkillIn
from .pool_skill_out import PoolSkillOut
from .pool_summary import PoolSummary
from .pool_update import PoolUpdate
from .pool_update_status_type_0 import PoolUpdateStatusType0
from .pool_version_out import PoolVersionOut
from .pool_version_out_change_type_0 import PoolVersionOutChangeType0
from .pool_version_out_figures import PoolVersionOutFigures
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .quota_usage import QuotaUsage
from .ranked_entry import RankedEntry
from .ranking_changed_data import RankingChangedData
from .ranking_changed_data_subject import RankingChangedDataSubject
from .ranking_changed_event import RankingChangedEvent
from .reason import Reason
from .reason_code import ReasonCode
from .recorded_decision import RecordedDecision
from .role import Role
from .row_error import RowError
from .secret_rotated import SecretRotated
from .sector_out import SectorOut
from .sector_out_level import SectorOutLevel
from .sector_ref import SectorRef
from .sector_ref_level import SectorRefLevel
from .shortage_surplus_out import ShortageSurplusOut
from .skill_evidence_out import SkillEvidenceOut
from .skill_gap_row_out import SkillGapRowOut
from .skill_out import SkillOut
from .skill_out_source import SkillOutSource
from .skill_requirement_in import SkillRequirementIn
from .skill_resolution import SkillResolution
from .skill_via import SkillVia
from .skills_gap_out import SkillsGapOut
from .source import Source
from .source_kind import SourceKind
from .taxonomy_meta import TaxonomyMeta
from .upload_finished_data import UploadFinishedData
from .upload_finished_event import UploadFinishedEvent
from .upload_mode import UploadMode
from .upload_out import UploadOut
from .upload_out_file_format import UploadOutFileFormat
from .upload_out_report import UploadOutReport
from .upload_status import UploadStatus
from .upload_summary import UploadSummary
from .upload_summary_file_format import UploadSummaryFileFormat
from .user_in import UserIn
from .user_out import UserOut
from .vacancy_in import VacancyIn
from .vacancy_in_status import VacancyInStatus
from .vacancy_language_in import VacancyLanguageIn
from .vacancy_language_in_min_level import VacancyLanguageInMinLevel
from .vacancy_language_out import VacancyLanguageOut
from .vacancy_language_out_min_level import VacancyLanguageOutMinLevel
from .vacancy_out import VacancyOut
from .vacancy_out_status import VacancyOutStatus
from .vacancy_skill_out import VacancySkillOut
from .vacancy_skill_out_importance import VacancySkillOutImportance
from .vacancy_summary import VacancySummary
from .vacancy_summary_status import VacancySummaryStatus
from .vacancy_update import VacancyUpdate
from .vacancy_update_status_type_0 import VacancyUpdateStatusType0
from .wage import Wage
from .wage_period import WagePeriod

__all__ = (
    "ApiKeyCreated",
    "ApiKeyIn",
    "ApiKeyOut",
    "AssignmentOut",
    "AttemptOut",
    "AuditEventOut",
    "AuditEventOutAfterType0",
    "AuditEventOutBeforeType0",
    "BalanceRowOut",
    "BatchInputsOut",
    "BatchProgressOut",
    "BatchRunOut",
    "BatchRunOutOutput",
    "BatchRunOutStatus",
    "BatchScopeOut",
    "BulkItemResult",
    "BulkItemResultStatus",
    "BulkMoveIn",
    "BulkMovesIn",
    "BulkMovesOut",
    "BulkResult",
    "CheckName",
    "ComponentName",
    "ComponentOut",
    "ComponentOutEvidence",
    "Contract",
    "ContractType",
    "CountryOut",
    "CreateUploadBody",
    "CreateUploadBodyMode",
    "CreateUploadBodyOnError",
    "CreateUploadMode",
    "CreateUploadOnError",
    "DatasetPageOut",
    "DatasetRowOut",
    "DatasetRowOutDecision",
    "DecisionIn",
    "DecisionKind",
    "DecisionOut",
    "DecisionPage",
    "DecisionRecordedData",
    "DecisionRecordedEvent",
    "DeliveryDetail",
    "DeliveryDetailBody",
    "DeliveryOut",
    "DeliveryStatus",
    "EligibilityOut",
    "EndpointCreated",
    "EndpointIn",
    "EndpointOut",
    "EndpointUpdate",
    "EscoOccupationOut",
    "EscoOccupationRef",
    "EscoOccupationSkillOut",
    "EscoOccupationSkillOutRelation",
    "EventType",
    "ExchangeRateIn",
    "ExchangeRateOut",
    "ExplanationOut",
    "ExportAllocationPlansStatusType0",
    "ExportDecisionsSortType0",
    "ExportPlacementsStatusType0",
    "ExportPoolsSortType0",
    "ExportPoolsStatusType0",
    "ExportVacanciesSortType0",
    "ExportVacanciesStatusType0",
    "FieldErrorOut",
    "GreedySummary",
    "GroupBy",
    "HeadcountFactorOut",
    "HeadcountKind",
    "HealthOut",
    "Importance",
    "LanguageOut",
    "LanguageRequirementIn",
    "LanguageRequirementInMinLevel",
    "Level",
    "LevelsOut",
    "ListAllocationPlansStatusType0",
    "ListBatchRunsStatusType0",
    "ListDecisionsSortType0",
    "ListPlacementsStatusType0",
    "ListPoolsSortType0",
    "ListPoolsStatusType0",
    "ListSectorsLevelType0",
    "ListVacanciesSortType0",
    "ListVacanciesStatusType0",
    "MatchOut",
    "MatchOutComponents",
    "MatchPage",
    "Measure",
    "MeOut",
    "MoveIn",
    "MoveOut",
    "OccupationCoding",
    "OccupationOut",
    "OccupationRef",
    "OccupationSuggestion",
    "OccupationSuggestions",
    "OrganisationIn",
    "OrganisationKind",
    "OrganisationOut",
    "OriginsIn",
    "OriginsOut",
    "OutcomeBy",
    "OutcomeOut",
    "OutcomesOut",
    "OutlierOut",
    "OutlierRule",
    "PageApiKeyOut",
    "PageAuditEventOut",
    "PageBatchRunOut",
    "PageDeliveryOut",
    "PageEndpointOut",
    "PageEscoOccupationRef",
    "PageExchangeRateOut",
    "PageOccupationRef",
    "PageOrganisationOut",
    "PagePathwayOut",
    "PagePlacementOut",
    "PagePlanSummaryOut",
    "PagePoolOut",
    "PagePoolVersionOut",
    "PageSectorRef",
    "PageSkillOut",
    "PageUploadSummary",
    "PageUserOut",
    "PageVacancyOut",
    "PairScopeOut",
    "PairSourceOut",
    "PasswordIn",
    "PathwayIn",
    "PathwayKind",
    "PathwayOut",
    "PathwayPatch",
    "PingData",
    "PingEvent",
    "PlacementMovedData",
    "PlacementMovedDataStages",
    "PlacementMovedEvent",
    "PlacementOut",
    "PlacementOutStages",
    "PlacementStage",
    "PlacementStatus",
    "PlanIn",
    "PlanOut",
    "PlanOutScope",
    "PlanOutSolverStatus",
    "PlanOutSourceType0",
    "PlanOutStatus",
    "PlanScope",
    "PlanSummaryOut",
    "PlanSummaryOutScope",
    "PlanSummaryOutSolverStatus",
    "PlanSummaryOutStatus",
    "PoolIn",
    "PoolLanguageIn",
    "PoolLanguageInLevel",
    "PoolOut",
    "PoolOutcomeOut",
    "PoolOutcomeOutOutcome",
    "PoolOutStatus",
    "PoolSkillIn",
    "PoolSkillOut",
    "PoolSummary",
    "PoolUpdate",
    "PoolUpdateStatusType0",
    "PoolVersionOut",
    "PoolVersionOutChangeType0",
    "PoolVersionOutFigures",
    "Problem",
    "ProblemErrorsItem",
    "QuotaUsage",
    "RankedEntry",
    "RankingChangedData",
    "RankingChangedDataSubject",
    "RankingChangedEvent",
    "Reason",
    "ReasonCode",
    "RecordedDecision",
    "Role",
    "RowError",
    "SecretRotated",
    "SectorOut",
    "SectorOutLevel",
    "SectorRef",
    "SectorRefLevel",
    "ShortageSurplusOut",
    "SkillEvidenceOut",
    "SkillGapRowOut",
    "SkillOut",
    "SkillOutSource",
    "SkillRequirementIn",
    "SkillResolution",
    "SkillsGapOut",
    "SkillVia",
    "Source",
    "SourceKind",
    "TaxonomyMeta",
    "UploadFinishedData",
    "UploadFinishedEvent",
    "UploadMode",
    "UploadOut",
    "UploadOutFileFormat",
    "UploadOutReport",
    "UploadStatus",
    "UploadSummary",
    "UploadSummaryFileFormat",
    "UserIn",
    "UserOut",
    "VacancyIn",
    "VacancyInStatus",
    "VacancyLanguageIn",
    "VacancyLanguageInMinLevel",
    "VacancyLanguageOut",
    "VacancyLanguageOutMinLevel",
    "VacancyOut",
    "VacancyOutStatus",
    "VacancySkillOut",
    "VacancySkillOutImportance",
    "VacancySummary",
    "VacancySummaryStatus",
    "VacancyUpdate",
    "VacancyUpdateStatusType0",
    "Wage",
    "WagePeriod",
)
