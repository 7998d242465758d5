namespace CustomerService.Nlu.Generation;

/// <summary>Receives one batch row's logits for the position just decoded; the span is only valid during the call.</summary>
internal delegate void LogitsRowHandler(int row, Span<float> logits);
