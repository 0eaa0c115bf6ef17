from . import sales_customer_pareto_xlsx
from . import sales_management_xlsx
from . import sales_funnel_xlsx
from . import sales_daily_review_xlsx
from . import sales_collection_xlsx
from . import sales_quota_template_xlsx
from . import sales_quota_sheet_xlsx
from . import sales_quota_sheet_export_xlsx
