-- Every row of {{checked}} that cannot be used, with its file, line, column, value and reason, into the job's report.
insert into upload_issue (job_id, file, row_number, column_name, value, reason)
select :job, source_file, source_line, reason_column, reason_value, reason
from {{checked}}
where reason is not null
