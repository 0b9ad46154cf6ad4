import Foundation
import SwiftProtobuf

/// Collects the string constants (`'happy'`) anywhere in a parsed statement, for the rule that
/// finds an enum value used in the transaction that added it.
public struct StringConstantCollector: SwiftProtobuf.Visitor {
    public private(set) var constants: [String] = []

    public static func constants(in node: PgQuery_Node) -> [String] {
        var collector = StringConstantCollector()
        try? node.traverse(visitor: &collector)
        return collector.constants
    }

    public mutating func visitSingularMessageField<M: Message>(value: M, fieldNumber: Int) throws {
        if let constant = value as? PgQuery_A_Const, case .sval(let string)? = constant.val {
            constants.append(string.sval)
        }
        try value.traverse(visitor: &self)
    }

    public mutating func visitRepeatedMessageField<M: Message>(value: [M], fieldNumber: Int) throws {
        for element in value { try visitSingularMessageField(value: element, fieldNumber: fieldNumber) }
    }

    public mutating func visitSingularDoubleField(value: Double, fieldNumber: Int) throws {}
    public mutating func visitSingularInt64Field(value: Int64, fieldNumber: Int) throws {}
    public mutating func visitSingularUInt64Field(value: UInt64, fieldNumber: Int) throws {}
    public mutating func visitSingularBoolField(value: Bool, fieldNumber: Int) throws {}
    public mutating func visitSingularStringField(value: String, fieldNumber: Int) throws {}
    public mutating func visitSingularBytesField(value: Data, fieldNumber: Int) throws {}
    public mutating func visitSingularEnumField<E: Enum>(value: E, fieldNumber: Int) throws {}
    public mutating func visitUnknown(bytes: Data) throws {}
    public mutating func visitMapField<KeyType, ValueType: MapValueType>(
        fieldType: _ProtobufMap<KeyType, ValueType>.Type, value: _ProtobufMap<KeyType, ValueType>.BaseType, fieldNumber: Int
    ) throws {}
    public mutating func visitMapField<KeyType, ValueType>(
        fieldType: _ProtobufEnumMap<KeyType, ValueType>.Type, value: _ProtobufEnumMap<KeyType, ValueType>.BaseType, fieldNumber: Int
    ) throws {}
    public mutating func visitMapField<KeyType, ValueType>(
        fieldType: _ProtobufMessageMap<KeyType, ValueType>.Type, value: _ProtobufMessageMap<KeyType, ValueType>.BaseType, fieldNumber: Int
    ) throws {}
}
