from . import test_customer_pareto_xlsx
from . import test_sales_customer_pareto_export
from . import test_management_reports_xlsx
from . import test_quota_import
from . import test_quota_sheet_xlsx
from . import test_quota_sheet_tour
from . import test_xlsx_injection
from . import test_translations_exported
