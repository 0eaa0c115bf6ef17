from . import sales_customer_pareto_export
