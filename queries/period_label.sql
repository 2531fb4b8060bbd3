-- period_label: how a period starting on day p is written.
CASE $period::VARCHAR
    WHEN 'month' THEN strftime(p, '%Y-%m')
    WHEN 'quarter' THEN strftime(p, '%Y') || '-Q' || quarter(p)::VARCHAR
    ELSE strftime(p, '%Y')
END
