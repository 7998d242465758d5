using System.Net;

namespace CustomerService.LoadGenerator.DirectLine;

/// <summary>A Direct Line call answered with a non-success status.</summary>
internal sealed class DirectLineHttpException : Exception
{
    public DirectLineHttpException()
    {
    }

    public DirectLineHttpException(string message)
        : base(message)
    {
    }

    public DirectLineHttpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DirectLineHttpException(DirectLineOperation operation, HttpStatusCode statusCode)
        : base($"{operation} answered {(int)statusCode} {statusCode}.")
    {
        Operation = operation;
        StatusCode = statusCode;
    }

    public DirectLineOperation Operation { get; }

    public HttpStatusCode StatusCode { get; }
}
