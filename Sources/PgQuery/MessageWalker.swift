import Foundation
import SwiftProtobuf

/// Visits every message below a parse-tree node, depth first, handing each to `visit`: the
/// one traversal the collectors below share.
struct MessageWalker: SwiftProtobuf.Visitor {
    let visit: (any Message) -> Void

    static func walk(_ node: PgQuery_Node, _ visit: @escaping (any Message) -> Void) {
        var walker = MessageWalker(visit: visit)
        try? node.traverse(visitor: &walker)
    }

    mutating func visitSingularMessageField<M: Message>(value: M, fieldNumber: Int) throws {
        visit(value)
        try value.traverse(visitor: &self)
    }

    mutating func visitRepeatedMessageField<M: Message>(value: [M], fieldNumber: Int) throws {
        for element in value { try visitSingularMessageField(value: element, fieldNumber: fieldNumber) }
    }

    mutating func visitSingularDoubleField(value: Double, fieldNumber: Int) throws {}
    mutating func visitSingularInt64Field(value: Int64, fieldNumber: Int) throws {}
    mutating func visitSingularUInt64Field(value: UInt64, fieldNumber: Int) throws {}
    mutating func visitSingularBoolField(value: Bool, fieldNumber: Int) throws {}
    mutating func visitSingularStringField(value: String, fieldNumber: Int) throws {}
    mutating func visitSingularBytesField(value: Data, fieldNumber: Int) throws {}
    mutating func visitSingularEnumField<E: Enum>(value: E, fieldNumber: Int) throws {}
    mutating func visitUnknown(bytes: Data) throws {}
    mutating func visitMapField<KeyType, ValueType: MapValueType>(
        fieldType: _ProtobufMap<KeyType, ValueType>.Type, value: _ProtobufMap<KeyType, ValueType>.BaseType, fieldNumber: Int
    ) throws {}
    mutating func visitMapField<KeyType, ValueType>(
        fieldType: _ProtobufEnumMap<KeyType, ValueType>.Type, value: _ProtobufEnumMap<KeyType, ValueType>.BaseType, fieldNumber: Int
    ) throws {}
    mutating func visitMapField<KeyType, ValueType>(
        fieldType: _ProtobufMessageMap<KeyType, ValueType>.Type, value: _ProtobufMessageMap<KeyType, ValueType>.BaseType, fieldNumber: Int
    ) throws {}
}

/// What the walkers collect, from closures that outlive a call.
private final class Found<Value> {
    var values: [Value] = []
}

/// Collects the string constants (`'happy'`) anywhere in a parsed statement, for the rule that
/// finds an enum value used in the transaction that added it.
public enum StringConstantCollector {
    public static func constants(in node: PgQuery_Node) -> [String] {
        let found = Found<String>()
        MessageWalker.walk(node) { message in
            if let constant = message as? PgQuery_A_Const, case .sval(let string)? = constant.val { found.values.append(string.sval) }
        }
        return found.values
    }
}

/// The column names a query refers to (the last part of each column reference), or nil when it
/// selects `*`: PostgreSQL then ties the view to every column the table had.
public enum ColumnReferenceCollector {
    public static func columns(in node: PgQuery_Node) -> [String]? {
        let found = Found<String?>()
        MessageWalker.walk(node) { message in
            guard let reference = message as? PgQuery_ColumnRef, let last = reference.fields.last?.node else { return }
            switch last {
            case .string(let name): found.values.append(name.sval)
            case .aStar: found.values.append(nil)
            default: break
            }
        }
        if found.values.contains(where: { $0 == nil }) { return nil }
        var seen = Set<String>()
        return found.values.compactMap { $0 }.filter { seen.insert($0).inserted }
    }
}
