-- Every district (2021) of the staged England lookup {{lookup}} with its name, by code.
select lad21cd as code, min(lad21nm) as name
from {{lookup}}
where lad21cd like 'E%'
group by lad21cd
order by lad21cd
