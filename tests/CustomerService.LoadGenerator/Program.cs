using CustomerService.LoadGenerator.Cli;

return await LoadCommand.Create(TimeProvider.System).Parse(args).InvokeAsync();
