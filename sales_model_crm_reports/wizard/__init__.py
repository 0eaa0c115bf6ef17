from . import sales_customer_pareto_export
from . import sales_management_report_export
from . import sales_quota_import
from . import sales_quota_sheet_export
