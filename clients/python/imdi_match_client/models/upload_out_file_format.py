from enum import StrEnum


class UploadOutFileFormat(StrEnum):
    CSV = "csv"
    PARQUET = "parquet"
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)
