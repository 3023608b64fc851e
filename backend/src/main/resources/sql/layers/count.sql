-- numberMatched: how many features of the collection the filters select.
select count(*) from {{view}} v where true {{filters}}
