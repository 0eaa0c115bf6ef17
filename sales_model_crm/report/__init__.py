from . import sales_customer_pareto
