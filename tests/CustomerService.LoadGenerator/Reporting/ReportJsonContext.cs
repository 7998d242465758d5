using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerService.LoadGenerator.Reporting;

/// <summary>results.json: indented camelCase, so a later run can be compared with a diff.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(RunReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
