from . import test_customer_pareto_xlsx
from . import test_sales_customer_pareto_export
