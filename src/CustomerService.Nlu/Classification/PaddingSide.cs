namespace CustomerService.Nlu.Classification;

/// <summary>Which side of a shorter sequence gets the pad tokens in a batch.</summary>
internal enum PaddingSide
{
    Right,
    Left,
}
