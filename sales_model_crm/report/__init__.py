from . import sales_customer_pareto
from . import sales_funnel_report
from . import sales_collection_report
from . import sales_collection_line
