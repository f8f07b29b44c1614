// Each test runs services as processes and its own PostgreSQL: one at a time on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
